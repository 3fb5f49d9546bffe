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
        var rows = m.Rows.Select(r => Html.Of($"""
            <tr data-testid="matrix-row" data-case="{r.TestId}"><td class="case">{r.TestId}</td>{r.Statuses.Select((s, i) => Cell(m.Columns[i], r.TestId, s))}</tr>
            """));
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
    private static Html Cell(MatrixColumn c, string testId, string? status)
    {
        var s = TestStatuses.TryParse(status, out var parsed) ? parsed : (TestStatus?)null;
        return s is null
            ? Html.Of($"<td class=\"cell st-none\" data-testid=\"matrix-cell\" data-status=\"-\"></td>")
            : Html.Of($"<td class=\"cell {StatusView.CssClass(s)}\" data-testid=\"matrix-cell\" data-status=\"{StatusView.Name(s)}\"><a href=\"{Links.Case(c.RunId, c.BoardId, testId)}\">{StatusView.Name(s)}</a></td>");
    }
}
