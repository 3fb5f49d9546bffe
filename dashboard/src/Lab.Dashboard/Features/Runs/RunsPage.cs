using Lab.Dashboard.Rendering;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Runs;

/// <summary>The runs list: newest first, with filters.</summary>
internal static class RunsPage
{
    private static readonly string[] s_triggers = ["nightly", "manual", "dashboard"];
    private static readonly string[] s_statuses = ["FAIL", "ERROR", "MISS", "PASS", "DONE", "SKIP"];

    public static string Render(
        IReadOnlyList<RunSummary> runs, RunsFilter filter, IReadOnlyList<string> boards, string? error, bool runNow)
    {
        var page = Math.Max(1, filter.Page ?? 1);
        var rows = runs.Select(r => Html.Of($"""
            <tr data-testid="run-row" data-run-id="{r.Id}">
            <td><a href="{Links.Run(r.Id)}" data-testid="run-link">{r.Id}</a></td>
            <td>{r.Trigger}</td><td>{r.Who}</td><td>{Format.Time(r.StartedAt)}</td><td>{r.State}</td>
            <td>{StatusView.Badge(Parse(r.Status))}</td><td>{StatusView.Counts(r.Counts)}</td>
            <td class="num">{Format.Duration(r.DurationSeconds is { } s ? TimeSpan.FromSeconds(s) : null)}</td>
            <td>{string.Join(", ", r.Boards)}</td>
            <td>{r.Kernel ?? "-"}</td>
            </tr>
            """));
        var body = Html.Of($"""
            {(runNow ? Html.Of($"<p><a href=\"/runs/now\" data-testid=\"run-now\">Run now...</a></p>") : Html.Empty)}
            <form method="get" action="/runs" class="filters" data-testid="runs-filter">
            <label>Trigger {Select("trigger", s_triggers, filter.Trigger)}</label>
            <label>Board {Select("board", boards, filter.Board)}</label>
            <label>Status {Select("status", s_statuses, filter.Status)}</label>
            <label>From <input type="date" name="from" value="{filter.From}"></label>
            <label>To <input type="date" name="to" value="{filter.To}"></label>
            <button type="submit">Filter</button>
            </form>
            {(error is null ? Html.Empty : Html.Of($"<p class=\"error\" data-testid=\"error\">{error}</p>"))}
            <table data-testid="runs-table">
            <thead><tr><th>Run</th><th>Trigger</th><th>Who</th><th>Started</th><th>State</th><th>Status</th><th>Counts</th><th>Duration</th><th>Boards</th><th>Kernel</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            {(runs.Count == 0 ? Html.Of($"<p data-testid=\"no-runs\">No runs match.</p>") : Html.Empty)}
            <p>{(page > 1 ? Html.Of($"<a href=\"{PageLink(filter, page - 1)}\">newer</a> ") : Html.Empty)}{(runs.Count == RunsFilter.PageSize ? Html.Of($"<a href=\"{PageLink(filter, page + 1)}\" data-testid=\"older\">older</a>") : Html.Empty)}</p>
            """);
        return Layout.Page("Runs", "runs", body);
    }

    private static TestStatus? Parse(string? s) =>
        TestStatuses.TryParse(s, out var status) ? status : null;

    private static Html Select(string name, IEnumerable<string> values, string? selected)
    {
        var options = values.Select(v => Html.Of(
            $"<option value=\"{v}\"{(string.Equals(v, selected, StringComparison.OrdinalIgnoreCase) ? Html.Of($" selected") : Html.Empty)}>{v}</option>"));
        return Html.Of($"<select name=\"{name}\" data-testid=\"filter-{name}\"><option value=\"\">any</option>{options}</select>");
    }

    private static string PageLink(RunsFilter f, int page)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(key + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("trigger", f.Trigger);
        Add("board", f.Board);
        Add("status", f.Status);
        Add("from", f.From);
        Add("to", f.To);
        Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/runs?" + string.Join("&", parts);
    }
}
