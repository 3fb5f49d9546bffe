using Lab.Dashboard.Data;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Matrix;

/// <summary>
/// Builds the matrices: a run's cases x (board, device), each board run naming its kernel (a board run on another
/// kernel is a board of its own, <c>ID+KERNEL</c>), one row per case id; a board's cases x its last N nightly runs.
/// </summary>
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
        var kernels = _reader.BoardRuns(run.Id).ToDictionary(b => b.BoardId, b => b.Kernel, StringComparer.Ordinal);
        var cells = results.Select(r =>
        {
            var (caseId, device) = SplitDevice(r.TestId);
            return (r.BoardId, Device: device, Row: caseId, Result: r);
        }).ToList();
        var columns = new List<MatrixColumn>();
        foreach (var board in run.Boards.Concat(results.Select(r => r.BoardId)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            // A board's own results (boot, build, bring-up) first, then its devices; a board without results keeps a column.
            var devices = cells.Where(c => c.BoardId == board).Select(c => c.Device)
                .Distinct(StringComparer.Ordinal).OrderBy(d => d ?? string.Empty, StringComparer.Ordinal).DefaultIfEmpty(null);
            columns.AddRange(devices.Select(d => new MatrixColumn(ColumnKey(board, d), board, run.Id, board, d, kernels.GetValueOrDefault(board))));
        }

        return new MatrixView("Run " + run.Id, columns, Rows(columns, cells.Select(c => (ColumnKey(c.BoardId, c.Device), c.Row, c.Result))));
    }

    /// <summary><c>CASE@DEVICE</c> into its parts; an id without a device (a board's own result) has none.</summary>
    private static (string Case, string? Device) SplitDevice(string testId)
    {
        var at = testId.LastIndexOf('@');
        return at > 0 && at < testId.Length - 1 ? (testId[..at], testId[(at + 1)..]) : (testId, null);
    }

    private static string ColumnKey(string board, string? device) => device is null ? board : board + "@" + device;

    /// <summary>The last <paramref name="nights"/> nightly runs of a board, oldest left, newest right.</summary>
    public MatrixView ForBoard(string boardId, int nights)
    {
        var runs = _reader.Runs(new RunQuery(RunTrigger.Nightly, boardId, Limit: Math.Clamp(nights, 1, 90)))
            .Reverse().ToList();
        var kernels = _reader.BoardRunsOf(boardId, [.. runs.Select(r => r.Id)]).ToDictionary(b => b.RunId, b => b.Kernel, StringComparer.Ordinal);
        var columns = runs.Select(r => new MatrixColumn(
            r.Id, r.StartedAt.UtcDateTime.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Id, boardId, Kernel: kernels.GetValueOrDefault(r.Id))).ToList();
        var cells = runs.SelectMany(r => _reader.Results(r, boardId).Select(x => (r.Id, x.TestId, x)));
        return new MatrixView($"Board {boardId}: last {runs.Count} nightly runs", columns, Rows(columns, cells));
    }

    private static List<MatrixRow> Rows(List<MatrixColumn> columns, IEnumerable<(string Key, string Row, TestResultRecord Result)> cells)
    {
        var index = columns.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var rows = new SortedDictionary<string, TestStatus?[]>(StringComparer.Ordinal);
        foreach (var (key, row, result) in cells)
        {
            if (!rows.TryGetValue(row, out var statuses))
            {
                statuses = new TestStatus?[columns.Count];
                rows[row] = statuses;
            }

            // A case repeated on one board in one run keeps its worst outcome.
            var i = index[key];
            statuses[i] = statuses[i] is { } prior && prior > result.Status ? prior : result.Status;
        }

        return rows.Select(r => new MatrixRow(r.Key, r.Value.Select(s => s?.ToKcidb()).ToList())).ToList();
    }
}
