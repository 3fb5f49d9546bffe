using Lab.Dashboard.Rendering;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Regressions;

/// <summary>Regression / fixed / unstable cases of a run, with the last good and first bad runs linked.</summary>
internal static class RegressionsPage
{
    public static string Render(RegressionsView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var rows = v.Entries.Select(e => Html.Of($"""
            <tr data-testid="regression-row" data-case="{e.TestId}" data-board="{e.BoardId}" data-kind="{e.Kind.ToString().ToLowerInvariant()}">
            <td><span class="label-{e.Kind.ToString().ToLowerInvariant()}" data-testid="regression-kind">{e.Kind.ToString().ToLowerInvariant()}</span></td>
            <td>{e.BoardId}</td>
            <td class="case"><a href="{Links.Case(v.Run.Id, e.BoardId, e.TestId)}">{e.TestId}</a></td>
            <td>{Link(e.LastGoodRunId, "last-good")}</td>
            <td>{Link(e.FirstBadRunId, "first-bad")}</td>
            <td>{Link(e.FixedInRunId, "fixed-in")}</td>
            <td>{e.History.Select(h => Html.Of($"<a href=\"{Links.Run(h.RunId)}\" class=\"status mini {StatusView.CssClass(TestStatuses.TryParse(h.Status, out var s) ? s : null)}\" title=\"{h.RunId}\">{h.Status[0]}</a> "))}</td>
            </tr>
            """));
        var body = Html.Of($"""
            <p>Run <a href="{Links.Run(v.Run.Id)}" data-testid="regressions-run">{v.Run.Id}</a> ({v.Run.Trigger}, {Format.Time(v.Run.StartedAt)}),
            judged over the last {v.Window} runs on each board. Newest FAIL after PASSes = regression; newest PASS after FAILs = fixed;
            two flips or more = unstable. SKIP, MISS and ERROR do not count.</p>
            <table data-testid="regressions-table">
            <thead><tr><th>Label</th><th>Board</th><th>Case</th><th>Last good</th><th>First bad</th><th>Fixed in</th><th>History (newest first)</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            {(v.Entries.Count == 0 ? Html.Of($"<p data-testid=\"no-regressions\">Nothing changed: every case is stable.</p>") : Html.Empty)}
            """);
        return Layout.Page("Regressions", "regressions", body);
    }

    private static Html Link(string? runId, string testId) =>
        runId is null ? Html.Text("-") : Html.Of($"<a href=\"{Links.Run(runId)}\" data-testid=\"{testId}\">{runId}</a>");
}
