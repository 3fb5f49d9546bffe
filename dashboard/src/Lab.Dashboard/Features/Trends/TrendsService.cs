using Lab.Dashboard.Data;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Trends;

/// <summary>
/// Pass rate per run from the board's part of each run (its counts: no result scan), and each measurement of the
/// cases that report figures, from those cases' results in the same runs.
/// </summary>
internal sealed class TrendsService
{
    private readonly ResultsReader _reader;

    public TrendsService(ResultsReader reader) => _reader = reader;

    public TrendsView For(string boardId, int runs)
    {
        runs = Math.Clamp(runs, 2, 365);
        var list = _reader.Runs(new RunQuery(BoardId: boardId, Limit: runs));
        var pass = new List<TrendPoint>();
        var parts = _reader.BoardRunsOf(boardId, list.Select(r => r.Id).ToList()).ToDictionary(b => b.RunId, StringComparer.Ordinal);
        foreach (var run in list.Reverse())
        {
            var c = parts.GetValueOrDefault(run.Id)?.Counts;
            var judged = c is null ? 0 : c.Pass + c.Fail + c.Error + c.Miss;
            if (c is not null && judged > 0)
            {
                pass.Add(new TrendPoint(run.Id, run.StartedAt, 100.0 * c.Pass / judged));
            }
        }

        // The cases that report figures, as the board's newest finished run shows them.
        var newest = list.FirstOrDefault(r => r.State != RunState.Running) ?? (list.Count > 0 ? list[0] : null);
        var stressCases = newest is null ? [] : _reader.Results(newest, boardId)
            .Where(r => r.Measurements is { Count: > 0 }).Select(r => r.TestId).Distinct(StringComparer.Ordinal).ToList();
        var order = list.Reverse().Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var series = new SortedDictionary<string, (string Unit, List<TrendPoint> Points)>(StringComparer.Ordinal);

        // One query for every (run, case) pair of the runs listed above, not each case's whole history.
        var figures = _reader.CasesInRuns(stressCases, boardId, [.. order.Keys])
            .OrderBy(r => r.TestId, StringComparer.Ordinal).ThenBy(r => order[r.RunId]).ThenBy(r => r.RecordedAt);
        foreach (var r in figures)
        {
            foreach (var m in r.Measurements ?? [])
            {
                var name = $"{r.TestId}: {m.Name}";
                if (!series.TryGetValue(name, out var s))
                {
                    s = (m.Unit, []);
                    series[name] = s;
                }

                s.Points.Add(new TrendPoint(r.RunId, r.RecordedAt, m.Value));
            }
        }

        return new TrendsView(
            boardId,
            new TrendSeries("pass rate", "%", pass),
            series.Select(s => new TrendSeries(s.Key, s.Value.Unit, s.Value.Points)).ToList());
    }
}
