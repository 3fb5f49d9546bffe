using Lab.Dashboard.Data;
using Lab.Dashboard.Features.Runs;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Regressions;

/// <summary>
/// Labels the cases of a run from the runs before it on each board. It reads whole runs (a few, cached) rather than
/// one history query per case: at 700 cases x 4 boards, per-case queries cost thousands of index walks.
/// </summary>
internal sealed class RegressionService
{
    private readonly ResultsReader _reader;

    public RegressionService(ResultsReader reader) => _reader = reader;

    /// <summary>The given run, or the newest run when <paramref name="runId"/> is null; null when there is none.</summary>
    public RegressionsView? For(string? runId, int window)
    {
        var run = runId is null ? Newest() : _reader.Run(runId);
        if (run is null)
        {
            return null;
        }

        window = Math.Clamp(window, 2, 60);
        var entries = new List<RegressionEntry>();
        foreach (var boardId in run.Boards.Order(StringComparer.Ordinal))
        {
            // Runs on this board up to and including this one, newest first.
            var runs = _reader.Runs(new RunQuery(BoardId: boardId, To: run.StartedAt.AddMilliseconds(1), Limit: window));
            var byRun = runs.Select(r => (Run: r, Statuses: _reader.Statuses(r, boardId))).ToList();
            var latest = byRun.FirstOrDefault(x => x.Run.Id == run.Id).Statuses ?? _reader.Statuses(run, boardId);
            foreach (var (testId, status) in latest.OrderBy(x => x.Key, StringComparer.Ordinal))
            {
                if (!Flipped(byRun, testId, status))
                {
                    // Most cases never change: no history to build, nothing to classify.
                    continue;
                }

                var history = byRun.Where(x => x.Statuses.ContainsKey(testId))
                    .Select(x => new HistoryPoint(x.Run.Id, x.Run.StartedAt, x.Statuses[testId])).ToList();
                if (RegressionClassifier.Classify(history) is { } v)
                {
                    entries.Add(new RegressionEntry(
                        boardId, testId, v.Kind, status.ToKcidb(), v.LastGoodRunId, v.FirstBadRunId, v.FixedInRunId,
                        history.Select(h => new HistoryEntry(h.RunId, h.StartedAt, h.Status.ToKcidb())).ToList()));
                }
            }
        }

        return new RegressionsView(RunSummary.Of(run), window, entries.OrderBy(e => e.Kind).ThenBy(e => e.BoardId, StringComparer.Ordinal).ToList());
    }

    private RunRecord? Newest()
    {
        var runs = _reader.Runs(new RunQuery(Limit: 1));
        return runs.Count > 0 ? runs[0] : null;
    }

    /// <summary>
    /// Whether the case's PASS/FAIL ever differs from its newest in the window (what <see cref="RegressionClassifier"/>
    /// looks for); false also when the newest is neither PASS nor FAIL.
    /// </summary>
    private static bool Flipped(List<(RunRecord Run, IReadOnlyDictionary<string, TestStatus> Statuses)> byRun, string testId, TestStatus latest)
    {
        if (latest is not (TestStatus.Pass or TestStatus.Fail))
        {
            return false;
        }

        foreach (var (_, statuses) in byRun)
        {
            if (statuses.TryGetValue(testId, out var s) && s is (TestStatus.Pass or TestStatus.Fail) && s != latest)
            {
                return true;
            }
        }

        return false;
    }
}
