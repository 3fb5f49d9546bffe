using Lab.Dashboard.Rendering;
using Lab.Orchestrator.Core.Bisect;

namespace Lab.Dashboard.Features.Bisect;

/// <summary>The bisections: a list, newest first, and one bisection's steps (commit, subject, verdict, its run) and what it found.</summary>
internal static class BisectPage
{
    public static string List(IReadOnlyList<BisectionRecord> bisections)
    {
        var rows = bisections.Select(b => Html.Of($"""
            <tr data-testid="bisect-row" data-bisect="{b.Id}">
            <td><a href="{Links.Bisection(b.Id)}">{b.Id}</a></td>
            <td>{b.CaseId}</td>
            <td>{b.BoardId}</td>
            <td>{Short(b.Good)}..{Short(b.Bad)}</td>
            <td>{b.Steps.Count}</td>
            <td>{Format.Time(b.StartedAt)}</td>
            <td>{Found(b)}</td>
            </tr>
            """));
        var body = bisections.Count == 0
            ? Html.Of($"<p data-testid=\"bisect-empty\">No bisection yet: <code>lab bisect --tree PATH --good REV --bad REV --case ID</code>.</p>")
            : Html.Of($"""
                <table data-testid="bisect-list">
                <thead><tr><th>Bisection</th><th>Case</th><th>Board</th><th>Range</th><th>Steps</th><th>Started</th><th>Found</th></tr></thead>
                <tbody>{rows}</tbody>
                </table>
                """);
        return Layout.Page("Bisections", "bisect", body);
    }

    public static string Detail(BisectionRecord b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var steps = b.Steps.Select((s, i) => Html.Of($"""
            <tr data-testid="bisect-step" data-commit="{s.Commit}" data-verdict="{Verdict(s.Verdict)}">
            <td>{i + 1}</td>
            <td><code>{Short(s.Commit)}</code></td>
            <td>{s.Subject}</td>
            <td class="{VerdictClass(s.Verdict)}">{Verdict(s.Verdict)}</td>
            <td><a href="{Links.Run(s.RunId)}">{s.RunId}</a></td>
            <td>{s.Reason}</td>
            </tr>
            """));
        var body = Html.Of($"""
            <table data-testid="bisect-detail">
            <tr><th>Case</th><td>{b.CaseId}</td></tr>
            <tr><th>Board</th><td>{b.BoardId}</td></tr>
            <tr><th>Tree</th><td><code>{b.Tree}</code></td></tr>
            <tr><th>Good</th><td><code>{b.Good}</code></td></tr>
            <tr><th>Bad</th><td><code>{b.Bad}</code></td></tr>
            <tr><th>Commits</th><td>{b.Candidates} after good, up to bad</td></tr>
            <tr><th>Started</th><td>{Format.Time(b.StartedAt)}</td></tr>
            <tr><th>Ended</th><td>{Format.Time(b.EndedAt)}</td></tr>
            <tr><th>Found</th><td data-testid="bisect-found">{Found(b)}</td></tr>
            </table>
            <h2>Steps</h2>
            <table data-testid="bisect-steps">
            <thead><tr><th>#</th><th>Commit</th><th>Subject</th><th>Verdict</th><th>Run</th><th>Why</th></tr></thead>
            <tbody>{steps}</tbody>
            </table>
            <p><a href="/bisect">all bisections</a></p>
            """);
        return Layout.Page("Bisection " + b.Id, "bisect", body);
    }

    private static Html Found(BisectionRecord b) =>
        b.FirstBad is { } bad ? Html.Of($"<code>{Short(bad)}</code> {b.FirstBadSubject}")
        : b.EndedAt is null ? Html.Text("running (or its process died)")
        : Html.Text(b.Note ?? "nothing");

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;

    private static string Verdict(BisectVerdict v) => v.ToString().ToLowerInvariant();

    private static string VerdictClass(BisectVerdict v) => v switch
    {
        BisectVerdict.Good => StatusView.CssClass(Lab.Orchestrator.Core.Results.TestStatus.Pass),
        BisectVerdict.Bad => StatusView.CssClass(Lab.Orchestrator.Core.Results.TestStatus.Fail),
        _ => StatusView.CssClass(Lab.Orchestrator.Core.Results.TestStatus.Skip),
    };
}
