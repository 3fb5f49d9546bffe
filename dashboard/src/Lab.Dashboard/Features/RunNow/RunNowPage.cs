using Lab.Dashboard.Rendering;

namespace Lab.Dashboard.Features.RunNow;

/// <summary>The "Run now" form, the disabled notice, and a job's progress.</summary>
internal static class RunNowPage
{
    private const string Direct =
        "Until the orchestration queue exists, this starts ./lab run --board ID --cases PATTERN --trigger dashboard " +
        "directly as a child process of the dashboard, on this host.";

    public static string Disabled(string? tokenFile) => Layout.Page("Run now", "runs", Html.Of($"""
        <p class="note" data-testid="run-now-disabled">Run now is disabled: no token is configured.
        Put a secret in {tokenFile ?? "the dashboard's token file"} (mode 600) and reload; the form will ask for it.</p>
        """));

    public static string Form(IReadOnlyList<string> boards, string fieldName, string requestToken, string? error) =>
        Layout.Page("Run now", "runs", Html.Of($"""
        <p class="note" data-testid="run-now-direct">{Direct}</p>
        {(error is null ? Html.Empty : Html.Of($"<p class=\"error\" data-testid=\"error\">{error}</p>"))}
        <form method="post" action="/runs/now" data-testid="run-now-form" class="filters">
        <input type="hidden" name="{fieldName}" value="{requestToken}">
        <label>Board <select name="board" data-testid="run-now-board">{boards.Select(b => Html.Of($"<option value=\"{b}\">{b}</option>"))}</select></label>
        <label>Cases <input name="cases" value="vfio.*" data-testid="run-now-cases"></label>
        <label>Lab token <input type="password" name="token" autocomplete="off" data-testid="run-now-token"></label>
        <button type="submit" data-testid="run-now-submit">Run now</button>
        </form>
        """));

    public static string Job(RunJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var state = job.Error ?? (job.ExitCode is { } code ? $"exited with code {code}" : "running");
        var head = job.Running ? Html.Of($"<meta http-equiv=\"refresh\" content=\"2\">") : Html.Empty;
        var lines = job.Output().Select((l, i) => new Features.RunDetail.LogLine(i + 1, l, false, null)).ToList();
        return Layout.Page("Run now: " + job.BoardId, "runs", Html.Of($"""
            <p class="note">{Direct}</p>
            <p>Command: <code data-testid="job-argv">{string.Join(" ", job.Argv)}</code></p>
            <p>Started {Format.Time(job.StartedAt)}; <strong data-testid="job-state">{state}</strong>.
            {(job.Running ? Html.Text("This page refreshes every 2 s.") : Html.Empty)}
            <a href="/runs?trigger=dashboard">dashboard runs</a></p>
            <div data-testid="job-output">{Features.RunDetail.LogPage.Lines("", null, lines)}</div>
            """), head);
    }
}
