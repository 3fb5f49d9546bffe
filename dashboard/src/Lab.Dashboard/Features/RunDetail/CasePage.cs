using Lab.Dashboard.Rendering;

namespace Lab.Dashboard.Features.RunDetail;

/// <summary>One case: status, errno, measurements, its log and the dmesg lines that appeared while it ran.</summary>
internal static class CasePage
{
    public static string Render(string runId, CaseResult c, string log)
    {
        ArgumentNullException.ThrowIfNull(c);
        var logLines = KernelLog.Annotate(log, []);
        var dmesg = c.Dmesg.Select((l, i) => new LogLine(i + 1, l, KernelLog.IsTrouble(l), null)).ToList();
        var measurements = c.Measurements.Select(m => Html.Of(
            $"<tr data-testid=\"measurement\"><td>{m.Name}</td><td class=\"num\">{Format.Number(m.Value)}</td><td>{m.Unit}</td></tr>"));
        var body = Html.Of($"""
            <p><a href="{Links.Run(runId)}" data-testid="back-to-run">back to run {runId}</a> | board {c.BoardId}</p>
            <table data-testid="case-info">
            <tr><th>Case</th><td data-testid="case-id">{c.TestId}</td></tr>
            <tr><th>Status</th><td>{StatusView.Badge(RunDetailPage.Status(c.Status))}</td></tr>
            <tr><th>Duration</th><td>{Format.Duration(TimeSpan.FromMilliseconds(c.DurationMs))}</td></tr>
            <tr><th>Errno</th><td>{(c.Errno is { } e ? $"{c.ErrnoName} ({e})" : c.ErrnoName ?? "-")}</td></tr>
            <tr><th>Reason</th><td data-testid="case-reason">{c.Reason ?? "-"}</td></tr>
            <tr><th>Recorded</th><td>{Format.Time(c.RecordedAt)}</td></tr>
            </table>
            {(c.Measurements.Count > 0 ? Html.Of($"<h2>Measurements</h2><table><tr><th>Name</th><th>Value</th><th>Unit</th></tr>{measurements}</table>") : Html.Empty)}
            <h2>Case log{(c.HasFullLog ? " (full)" : "")}</h2>
            <div data-testid="case-log">{LogPage.Lines(runId, null, logLines)}</div>
            <h2>dmesg while it ran</h2>
            {(dmesg.Count == 0 ? Html.Text("nothing") : Html.Of($"<div data-testid=\"case-dmesg\">{LogPage.Lines(runId, null, dmesg)}</div>"))}
            """);
        return Layout.Page("Case " + c.TestId, "runs", body);
    }
}
