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
        var head = m.Columns.Select(c => Html.Of($"<th title=\"{c.RunId}\" data-testid=\"matrix-column\" data-board=\"{c.BoardId}\" data-device=\"{c.Device}\" data-kernel=\"{c.Kernel}\"><a href=\"{Links.Run(c.RunId)}\">{c.Label}</a>{Line(c.Device)}{Line(c.Kernel)}</th>"));
        // Each column's case-link prefix and device suffix encoded once, each row's case once: a board's strip is 14
        // columns x hundreds of cases, and encoding every cell's parts again was most of the page's time.
        var prefixes = m.Columns.Select(c => Html.Text(Links.Case(c.RunId, c.BoardId, string.Empty))).ToList();
        var suffixes = m.Columns.Select(c => Html.Text(c.Device is null ? string.Empty : Uri.EscapeDataString("@" + c.Device))).ToList();
        var rows = m.Rows.Select(r =>
        {
            var test = Html.Text(Uri.EscapeDataString(r.TestId));
            return Html.Of($"""
                <tr data-testid="matrix-row" data-case="{r.TestId}"><td class="case">{r.TestId}</td>{r.Statuses.Select((s, i) => Cell(prefixes[i], test, suffixes[i], s))}</tr>
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
    private static Html Cell(Html linkPrefix, Html test, Html deviceSuffix, string? status) =>
        TestStatuses.TryParse(status, out var s) ? Html.Concat(s_open[s], linkPrefix, Html.Concat(test, deviceSuffix), s_close[s]) : s_none;

    private static Html Line(string? text) => text is null ? Html.Empty : Html.Of($"<br><span class=\"sub\">{text}</span>");

    private static readonly Html s_none = Html.Of($"<td class=\"cell st-none\" data-testid=\"matrix-cell\" data-status=\"-\"></td>");

    private static readonly Dictionary<TestStatus, Html> s_open = Enum.GetValues<TestStatus>().ToDictionary(
        s => s, s => Html.Of($"<td class=\"cell {StatusView.CssClass(s)}\" data-testid=\"matrix-cell\" data-status=\"{StatusView.Name(s)}\"><a href=\""));

    private static readonly Dictionary<TestStatus, Html> s_close = Enum.GetValues<TestStatus>().ToDictionary(
        s => s, s => Html.Of($"\">{StatusView.Name(s)}</a></td>"));
}
