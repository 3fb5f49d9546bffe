using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Data;

/// <summary>
/// The dashboard's one door to the store. Calls are serialized (the store is synchronous and one instance per
/// process). Results of a finished run never change, so they are kept in a small cache: the matrix, regression
/// and compare views read the same few recent runs again and again.
/// </summary>
internal sealed class ResultsReader
{
    private const int CachedRuns = 48;

    private readonly IResultStore _store;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyList<TestResultRecord>> _results = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _recent = new();
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, TestStatus>>> _statuses = new(StringComparer.Ordinal);

    public ResultsReader(IResultStore store) => _store = store;

    public RunRecord? Run(string runId)
    {
        lock (_gate)
        {
            return _store.GetRun(runId);
        }
    }

    public IReadOnlyList<RunRecord> Runs(RunQuery query)
    {
        lock (_gate)
        {
            return _store.ListRuns(query);
        }
    }

    public IReadOnlyList<BoardRunRecord> BoardRuns(string runId)
    {
        lock (_gate)
        {
            return _store.GetBoardRuns(runId);
        }
    }

    /// <summary>A run's results in arrival order, optionally for one board; cached once the run has ended.</summary>
    public IReadOnlyList<TestResultRecord> Results(RunRecord run, string? boardId = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        IReadOnlyList<TestResultRecord> all;
        lock (_gate)
        {
            if (_results.TryGetValue(run.Id, out var cached))
            {
                _recent.Remove(run.Id);
                _recent.AddFirst(run.Id);
                all = cached;
            }
            else
            {
                all = _store.GetResults(run.Id);
                if (run.State != RunState.Running)
                {
                    Remember(run.Id, all);
                }
            }
        }

        return boardId is null ? all : all.Where(r => r.BoardId == boardId).ToList();
    }

    /// <summary>One board's part of each of the given runs.</summary>
    public IReadOnlyList<BoardRunRecord> BoardRunsOf(string boardId, IReadOnlyList<string> runIds)
    {
        lock (_gate)
        {
            return _store.GetBoardRunsOf(boardId, runIds);
        }
    }

    /// <summary>Some cases' results on one board in the given runs.</summary>
    public IReadOnlyList<TestResultRecord> CasesInRuns(IReadOnlyList<string> testIds, string boardId, IReadOnlyList<string> runIds)
    {
        lock (_gate)
        {
            return _store.GetCasesInRuns(testIds, boardId, runIds);
        }
    }

    public string? Log(string id)
    {
        lock (_gate)
        {
            return _store.ReadLog(id);
        }
    }

    public IReadOnlyList<BoardLease> Leases()
    {
        lock (_gate)
        {
            return _store.GetLeases();
        }
    }

    /// <summary>
    /// The boards the lab has used recently, sorted. The store has no board list; the runs of the last
    /// <paramref name="recentRuns"/> runs and the current leases name them.
    /// </summary>
    public IReadOnlyList<string> BoardIds(int recentRuns = 200)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var run in Runs(new RunQuery(Limit: recentRuns)))
        {
            ids.UnionWith(run.Boards);
        }

        ids.UnionWith(Leases().Select(l => l.BoardId));
        return [.. ids];
    }

    /// <summary>
    /// Each case's status on one board in a run (the worst, when a case ran twice), kept with the run's results
    /// while they are cached: the regressions view asks for the same maps of the same recent runs on every request.
    /// </summary>
    public IReadOnlyDictionary<string, TestStatus> Statuses(RunRecord run, string boardId)
    {
        ArgumentNullException.ThrowIfNull(run);
        var results = Results(run);
        lock (_gate)
        {
            if (_statuses.TryGetValue(run.Id, out var boards) && boards.TryGetValue(boardId, out var cached))
            {
                return cached;
            }
        }

        var byBoard = new Dictionary<string, Dictionary<string, TestStatus>>(StringComparer.Ordinal);
        foreach (var r in results)
        {
            if (!byBoard.TryGetValue(r.BoardId, out var d))
            {
                d = new Dictionary<string, TestStatus>(StringComparer.Ordinal);
                byBoard[r.BoardId] = d;
            }

            d[r.TestId] = d.TryGetValue(r.TestId, out var prior) && prior > r.Status ? prior : r.Status;
        }

        lock (_gate)
        {
            if (_results.ContainsKey(run.Id))
            {
                _statuses[run.Id] = byBoard;
            }
        }

        return byBoard.TryGetValue(boardId, out var mine) ? mine : new Dictionary<string, TestStatus>(StringComparer.Ordinal);
    }

    private void Remember(string runId, IReadOnlyList<TestResultRecord> results)
    {
        _results[runId] = results;
        _recent.AddFirst(runId);
        while (_recent.Count > CachedRuns)
        {
            _results.Remove(_recent.Last!.Value);
            _statuses.Remove(_recent.Last!.Value);
            _recent.RemoveLast();
        }
    }
}
