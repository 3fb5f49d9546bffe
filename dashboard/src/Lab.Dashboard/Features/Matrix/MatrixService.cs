using Lab.Dashboard.Data;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Matrix;

/// <summary>Builds the matrices: cases x boards for a run, cases x last N nightly runs for a board.</summary>
internal sealed class MatrixService
{
    private readonly ResultsReader _reader;

    public MatrixService(ResultsReader reader) => _reader = reader;

    public MatrixView? ForRun(string runId)
    {
        var run = _reader.Run(runId);
        if (run is null)
        {
            return null;
        }

        var results = _reader.Results(run);
        var boards = run.Boards.Concat(results.Select(r => r.BoardId)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
        var columns = boards.Select(b => new MatrixColumn(b, b, run.Id, b)).ToList();
        return new MatrixView("Run " + run.Id, columns, Rows(columns, results.Select(r => (r.BoardId, r))));
    }

    /// <summary>The last <paramref name="nights"/> nightly runs of a board, oldest left, newest right.</summary>
    public MatrixView ForBoard(string boardId, int nights)
    {
        var runs = _reader.Runs(new RunQuery(RunTrigger.Nightly, boardId, Limit: Math.Clamp(nights, 1, 90)))
            .Reverse().ToList();
        var columns = runs.Select(r => new MatrixColumn(r.Id, r.StartedAt.UtcDateTime.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Id, boardId)).ToList();
        var cells = runs.SelectMany(r => _reader.Results(r, boardId).Select(x => (r.Id, x)));
        return new MatrixView($"Board {boardId}: last {runs.Count} nightly runs", columns, Rows(columns, cells));
    }

    private static List<MatrixRow> Rows(List<MatrixColumn> columns, IEnumerable<(string Key, TestResultRecord Result)> cells)
    {
        var index = columns.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var rows = new SortedDictionary<string, TestStatus?[]>(StringComparer.Ordinal);
        foreach (var (key, result) in cells)
        {
            if (!rows.TryGetValue(result.TestId, out var statuses))
            {
                statuses = new TestStatus?[columns.Count];
                rows[result.TestId] = statuses;
            }

            // A case repeated on one board in one run keeps its worst outcome.
            var i = index[key];
            statuses[i] = statuses[i] is { } prior && prior > result.Status ? prior : result.Status;
        }

        return rows.Select(r => new MatrixRow(r.Key, r.Value.Select(s => s?.ToKcidb()).ToList())).ToList();
    }
}
