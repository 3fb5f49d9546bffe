using Lab.Dashboard.Features.Runs;
using Lab.Dashboard.Rendering;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Matrix;

/// <summary>A cases x columns grid of coloured cells, each linking to the case.</summary>
internal static class MatrixPage
{
    public static string Render(MatrixView m, IReadOnlyList<RunSummary> recentRuns, IReadOnlyList<string> boards)
    {
        ArgumentNullException.ThrowIfNull(m);
        var head = m.Columns.Select(c => Html.Of($"<th title=\"{c.RunId}\"><a href=\"{Links.Run(c.RunId)}\">{c.Label}</a></th>"));
        // Each column's case-link prefix encoded once, each row's case once: a board's strip is 14 columns x hundreds of
        // cases, and encoding every cell's parts again was most of the page's time.
        var prefixes = m.Columns.Select(c => Html.Text(Links.Case(c.RunId, c.BoardId, string.Empty))).ToList();
        var rows = m.Rows.Select(r =>
        {
            var test = Html.Text(Uri.EscapeDataString(r.TestId));
            return Html.Of($"""
                <tr data-testid="matrix-row" data-case="{r.TestId}"><td class="case">{r.TestId}</td>{r.Statuses.Select((s, i) => Cell(prefixes[i], test, s))}</tr>
                """);
        });
        var runLinks = recentRuns.Select(r => Html.Of($"<a href=\"{Links.RunMatrix(r.Id)}\">{r.Id}</a> "));
        var boardLinks = boards.Select(b => Html.Of($"<a href=\"{Links.BoardMatrix(b)}\" data-testid=\"strip-link\">{b}</a> "));
        var body = Html.Of($"""
            <p>Runs: {runLinks}</p>
            <p>Nightly strip per board: {boardLinks}</p>
            <h2 data-testid="matrix-title">{m.Title}</h2>
            <table class="matrix" data-testid="matrix">
            <thead><tr><th class="case">Case</th>{head}</tr></thead>
            <tbody>{rows}</tbody>
            </table>
            """);
        return Layout.Page("Matrix", "matrix", body);
    }

    /// <remarks>
    /// Lean on purpose: a board's strip is 14 columns x hundreds of cases, so every byte of a cell counts (the row
    /// names the case, the column header the run).
    /// </remarks>
    private static Html Cell(Html linkPrefix, Html test, string? status) =>
        TestStatuses.TryParse(status, out var s) ? Html.Concat(s_open[s], linkPrefix, test, s_close[s]) : s_none;

    private static readonly Html s_none = Html.Of($"<td class=\"cell st-none\" data-testid=\"matrix-cell\" data-status=\"-\"></td>");

    private static readonly Dictionary<TestStatus, Html> s_open = Enum.GetValues<TestStatus>().ToDictionary(
        s => s, s => Html.Of($"<td class=\"cell {StatusView.CssClass(s)}\" data-testid=\"matrix-cell\" data-status=\"{StatusView.Name(s)}\"><a href=\""));

    private static readonly Dictionary<TestStatus, Html> s_close = Enum.GetValues<TestStatus>().ToDictionary(
        s => s, s => Html.Of($"\">{StatusView.Name(s)}</a></td>"));
}
