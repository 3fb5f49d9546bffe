using Lab.Dashboard.Data;
using Lab.Dashboard.Features.Runs;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Compare;

/// <summary>
/// Compares two runs, or two board runs (board A of run A against board B of run B:
/// a board on two kernels, <c>ID</c> and <c>ID+KERNEL</c>, in one run or two): build fields and per-case status and
/// errno, differences only.
/// </summary>
internal sealed class CompareService
{
    private readonly ResultsReader _reader;

    public CompareService(ResultsReader reader) => _reader = reader;

    public CompareView? Compare(string a, string b, string? boardA = null, string? boardB = null)
    {
        var runA = _reader.Run(a);
        var runB = _reader.Run(b);
        if (runA is null || runB is null)
        {
            return null;
        }

        // Two board runs (one board given: the same board on both sides), or two whole runs.
        BoardRunRecord? boardRunA = null, boardRunB = null;
        if (boardA is not null || boardB is not null)
        {
            boardRunA = _reader.BoardRuns(runA.Id).FirstOrDefault(x => x.BoardId == (boardA ?? boardB));
            boardRunB = _reader.BoardRuns(runB.Id).FirstOrDefault(x => x.BoardId == (boardB ?? boardA));
            if (boardRunA is null || boardRunB is null)
            {
                return null;
            }
        }

        var build = new List<FieldDiff>();
        void Diff(string field, string? x, string? y)
        {
            if (!string.Equals(x, y, StringComparison.Ordinal))
            {
                build.Add(new FieldDiff(field, x, y));
            }
        }

        if (boardRunA is not null && boardRunB is not null)
        {
            Diff("board", boardRunA.BoardId, boardRunB.BoardId);
            Diff("kernel", boardRunA.Kernel, boardRunB.Kernel);
        }
        else
        {
            Diff("kernel", runA.Build.KernelVersion, runB.Build.KernelVersion);
        }

        Diff("kernel source", runA.Build.KernelSource, runB.Build.KernelSource);
        Diff("patch queue", runA.Build.PatchQueueHash, runB.Build.PatchQueueHash);
        Diff("modules", runA.Build.ModuleBuildHash, runB.Build.ModuleBuildHash);
        Diff("agent", runA.Build.AgentBuildHash, runB.Build.AgentBuildHash);
        Diff("lab.json", runA.Build.LabJsonHash, runB.Build.LabJsonHash);

        // Two board runs are compared case by case; two runs board by board.
        var byCase = boardRunA is not null;
        var left = Index(_reader.Results(runA, boardRunA?.BoardId), byCase);
        var right = Index(_reader.Results(runB, boardRunB?.BoardId), byCase);
        var pairLabel = boardRunA?.BoardId == boardRunB?.BoardId ? boardRunA?.BoardId : $"{boardRunA?.BoardId} / {boardRunB?.BoardId}";
        var rows = new List<CompareRow>();
        var same = 0;
        foreach (var key in left.Keys.Union(right.Keys).Order())
        {
            left.TryGetValue(key, out var x);
            right.TryGetValue(key, out var y);
            if (x is not null && y is not null && x.Status == y.Status && x.ErrnoName == y.ErrnoName)
            {
                same++;
                continue;
            }

            rows.Add(new CompareRow(byCase ? pairLabel! : key.Board, key.Test, x?.Status.ToKcidb(), y?.Status.ToKcidb(), x?.ErrnoName, y?.ErrnoName));
        }

        return new CompareView(RunSummary.Of(runA), RunSummary.Of(runB), build, rows, same)
        {
            BoardA = boardRunA?.BoardId, BoardB = boardRunB?.BoardId, KernelA = boardRunA?.Kernel, KernelB = boardRunB?.Kernel,
        };
    }

    private static Dictionary<(string Board, string Test), TestResultRecord> Index(IEnumerable<TestResultRecord> results, bool byCaseOnly)
    {
        var d = new Dictionary<(string, string), TestResultRecord>();
        foreach (var r in results)
        {
            d[(byCaseOnly ? string.Empty : r.BoardId, r.TestId)] = r;
        }

        return d;
    }
}
