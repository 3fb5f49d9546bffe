using Lab.Dashboard.Features.Runs;
using Lab.Dashboard.Rendering;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Compare;

/// <summary>Two runs side by side, differences only; a form to pick the runs.</summary>
internal static class ComparePage
{
    public static string Render(CompareView? v, IReadOnlyList<RunSummary> recent, CompareQuery q, string? error)
    {
        ArgumentNullException.ThrowIfNull(q);
        var options = recent.Select(r => Html.Of($"<option value=\"{r.Id}\">{r.Id} {r.Trigger} {r.Status}</option>"));
        var form = Html.Of($"""
            <form method="get" action="/compare" class="filters" data-testid="compare-form">
            <label>Run A <input name="a" list="recent-runs" value="{q.A}" data-testid="compare-a"></label>
            <label>Run B <input name="b" list="recent-runs" value="{q.B}" data-testid="compare-b"></label>
            <label>Board A <input name="boardA" value="{q.BoardA}" placeholder="all boards" data-testid="compare-board-a"></label>
            <label>Board B <input name="boardB" value="{q.BoardB}" placeholder="all boards" data-testid="compare-board-b"></label>
            <datalist id="recent-runs">{options}</datalist>
            <button type="submit">Compare</button>
            </form>
            {(error is null ? Html.Empty : Html.Of($"<p class=\"error\" data-testid=\"error\">{error}</p>"))}
            """);
        if (v is null)
        {
            return Layout.Page("Compare", "compare", form);
        }

        var build = v.Build.Select(d => Html.Of($"<tr data-testid=\"build-diff\"><td>{d.Field}</td><td>{d.A ?? "-"}</td><td>{d.B ?? "-"}</td></tr>"));
        var cases = v.Cases.Select(c => Html.Of($"""
            <tr data-testid="compare-row" data-case="{c.TestId}" data-board="{c.BoardId}">
            <td>{c.BoardId}</td><td class="case">{c.TestId}</td>
            <td>{Badge(c.StatusA)} {c.ErrnoA}</td><td>{Badge(c.StatusB)} {c.ErrnoB}</td>
            </tr>
            """));
        var body = Html.Of($"""
            {form}
            <p>A: <a href="{Links.Run(v.A.Id)}">{v.A.Id}</a> ({v.A.Trigger}, {Format.Time(v.A.StartedAt)}){Side(v.BoardA, v.KernelA, "a")} -
            B: <a href="{Links.Run(v.B.Id)}">{v.B.Id}</a> ({v.B.Trigger}, {Format.Time(v.B.StartedAt)}){Side(v.BoardB, v.KernelB, "b")}.
            <span data-testid="compare-same">{v.Same}</span> cases are the same.</p>
            <h2>Build</h2>
            {(v.Build.Count == 0 ? Html.Text("Same build.") : Html.Of($"<table><tr><th>Field</th><th>A</th><th>B</th></tr>{build}</table>"))}
            <h2>Cases that differ</h2>
            <table data-testid="compare-table"><thead><tr><th>Board</th><th>Case</th><th>A</th><th>B</th></tr></thead><tbody>{cases}</tbody></table>
            """);
        return Layout.Page("Compare", "compare", body);
    }

    private static Html Side(string? board, string? kernel, string side) => board is null
        ? Html.Empty
        : Html.Of($" board <b data-testid=\"compare-board-{side}\">{board}</b> on kernel <b data-testid=\"compare-kernel-{side}\">{kernel ?? "unknown"}</b>");

    private static Html Badge(string? status) =>
        status is null ? Html.Text("absent") : StatusView.Badge(TestStatuses.TryParse(status, out var s) ? s : null);
}
