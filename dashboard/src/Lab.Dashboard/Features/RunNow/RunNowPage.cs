using Lab.Dashboard.Rendering;

namespace Lab.Dashboard.Features.RunNow;

/// <summary>The "Run now" form and the disabled notice.</summary>
internal static class RunNowPage
{
    private const string Queued =
        "This queues a job, as lab submit does: lab serve runs it when the board is free, and the queue page shows where it is.";

    public static string Disabled(string? tokenFile) => Layout.Page("Run now", "runs", Html.Of($"""
        <p class="note" data-testid="run-now-disabled">Run now is disabled: no token is configured.
        Put a secret in {tokenFile ?? "the dashboard's token file"} (mode 600) and reload; the form will ask for it.</p>
        """));

    public static string Form(IReadOnlyList<string> boards, string fieldName, string requestToken, string? error) =>
        Layout.Page("Run now", "runs", Html.Of($"""
        <p class="note" data-testid="run-now-queued">{Queued}</p>
        {(error is null ? Html.Empty : Html.Of($"<p class=\"error\" data-testid=\"error\">{error}</p>"))}
        <form method="post" action="/runs/now" data-testid="run-now-form" class="filters">
        <input type="hidden" name="{fieldName}" value="{requestToken}">
        <label>Board <select name="board" data-testid="run-now-board">{boards.Select(b => Html.Of($"<option value=\"{b}\">{b}</option>"))}</select></label>
        <label>Cases <input name="cases" value="vfio.*" data-testid="run-now-cases"></label>
        <label>Lab token <input type="password" name="token" autocomplete="off" data-testid="run-now-token"></label>
        <button type="submit" data-testid="run-now-submit">Run now</button>
        </form>
        """));
}
