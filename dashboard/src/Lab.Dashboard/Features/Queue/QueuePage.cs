using Lab.Dashboard.Rendering;

namespace Lab.Dashboard.Features.Queue;

/// <summary>The queue: running and queued jobs (each running one with its current step and case) and the last ended ones; refreshes itself every 5 s without script.</summary>
internal static class QueuePage
{
    private static Html Refresh => Html.Of($"<meta http-equiv=\"refresh\" content=\"5\">");

    public static string List(IReadOnlyList<JobView> jobs, bool serving)
    {
        var open = jobs.Where(j => j.State is "queued" or "running").ToList();
        var ended = jobs.Where(j => j.State is not ("queued" or "running")).ToList();
        var body = Html.Of($"""
            {(serving ? Html.Empty : Html.Of($"<p class=\"note\" data-testid=\"not-serving\">No scheduler runs in this process: queued jobs start when <code>lab serve</code> runs.</p>"))}
            <h2>Running and queued</h2>
            {Table(open, "queue-open")}
            <h2>Ended</h2>
            {Table(ended, "queue-ended")}
            <p class="note">This page refreshes every 5 s. Queue a job with <code>lab submit</code> or <a href="/runs/now">Run now</a>.</p>
            """);
        return Layout.Page("Queue", "queue", body, Refresh);
    }

    public static string Detail(JobView j)
    {
        ArgumentNullException.ThrowIfNull(j);
        var body = Html.Of($"""
            <table data-testid="job-detail">
            <tr><th>State</th><td data-testid="job-state">{j.State}{(j.CancelRequested && j.State == "running" ? Html.Text(" (stopping)") : Html.Empty)}</td></tr>
            <tr><th>Boards</th><td>{string.Join(", ", j.Boards)}</td></tr>
            <tr><th>Cases</th><td>{j.Cases ?? "(the boards' suites)"}</td></tr>
            <tr><th>Trigger</th><td>{(j.HealthCheck ? "health check" : j.Trigger)} by {j.Who}, priority {j.Priority}</td></tr>
            <tr><th>Submitted</th><td>{Format.Time(j.SubmittedAt)}</td></tr>
            <tr><th>Started</th><td>{Format.Time(j.StartedAt)} (attempt {j.Attempts})</td></tr>
            <tr><th>Ended</th><td>{Format.Time(j.EndedAt)}</td></tr>
            <tr><th>Now</th><td data-testid="job-now">{j.Now ?? j.Waiting ?? "-"}</td></tr>
            <tr><th>Runs</th><td data-testid="job-runs">{Runs(j)}</td></tr>
            <tr><th>Outcome</th><td data-testid="job-outcome">{(j.ExitCode is { } c ? $"exit {c}: " : string.Empty)}{j.Note ?? "-"}</td></tr>
            </table>
            <p><a href="/queue">the queue</a></p>
            """);
        return Layout.Page("Job " + j.Id, "queue", body, j.State is "queued" or "running" ? Refresh : Html.Empty);
    }

    private static Html Runs(JobView j) =>
        j.Runs.Count == 0 ? Html.Text("-") : Html.Of($"{j.Runs.Select(r => Html.Of($"<a href=\"{Links.Run(r)}\">{r}</a> "))}");

    private static Html Table(IReadOnlyList<JobView> jobs, string testId)
    {
        if (jobs.Count == 0)
        {
            return Html.Of($"<p data-testid=\"{testId}-empty\">None.</p>");
        }

        var rows = jobs.Select(j => Html.Of($"""
            <tr data-testid="job-row" data-job="{j.Id}" data-state="{j.State}">
            <td><a href="{Links.Job(j.Id)}">{j.Id}</a></td>
            <td>{j.State}</td>
            <td>{string.Join(", ", j.Boards)}</td>
            <td>{j.Cases ?? "(suites)"}</td>
            <td>{(j.HealthCheck ? "health check" : j.Trigger)}</td>
            <td>{j.Who}</td>
            <td>{j.Priority}</td>
            <td>{Format.Time(j.SubmittedAt)}</td>
            <td data-testid="job-now">{(j.State is "queued" or "running" ? j.Now ?? j.Waiting ?? "-" : (j.ExitCode is { } c ? $"exit {c}: " : string.Empty) + j.Note)}</td>
            <td>{Runs(j)}</td>
            </tr>
            """));
        return Html.Of($"""
            <table data-testid="{testId}">
            <thead><tr><th>Job</th><th>State</th><th>Boards</th><th>Cases</th><th>Trigger</th><th>Who</th><th>Priority</th><th>Submitted</th><th>Now / outcome</th><th>Runs</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            """);
    }
}
