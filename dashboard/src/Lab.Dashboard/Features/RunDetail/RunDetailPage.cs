using Lab.Dashboard.Rendering;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.RunDetail;

/// <summary>The run page: build, per board per case results, kernel trouble lines linked to their case.</summary>
internal static class RunDetailPage
{
    /// <summary>For a board run on another kernel (<c>ID+KERNEL</c>), a link comparing it with the board's own kernel's run.</summary>
    private static Html KernelCompare(RunDetailView v, string boardId)
    {
        var own = BoardKernels.BoardOf(boardId);
        return own != boardId && v.Boards.Any(b => b.BoardId == own)
            ? Html.Of($" | <a href=\"{Links.CompareBoards(v.Run.Id, own, boardId)}\" data-testid=\"compare-kernels\">compare with {own}'s kernel</a>")
            : Html.Empty;
    }

    public static string Render(RunDetailView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var run = v.Run;
        var b = v.Build;
        var boards = v.Boards.Select(board => Html.Of($"""
            <section data-testid="board-section" data-board="{board.BoardId}">
            <h2>{board.BoardId} {StatusView.Badge(Status(board.Status))}</h2>
            <p>Kernel <span data-testid="board-kernel">{board.Kernel ?? "-"}</span>. Health: <span data-testid="board-health">{board.Health}</span>; attempts {board.Attempts}; {StatusView.Counts(board.Counts)};
            {Format.Time(board.StartedAt)} to {Format.Time(board.EndedAt)}.
            {(board.HasConsoleLog ? Html.Of($"<a href=\"{Links.Console(run.Id, board.BoardId)}\" data-testid=\"console-link\">console log</a>") : Html.Text("no console log"))}
            {(board.HasDmesgLog ? Html.Of($" | <a href=\"{Links.Console(run.Id, board.BoardId).Replace("/console", "/dmesg", StringComparison.Ordinal)}\">kernel log</a>") : Html.Empty)}
            | <a href="{Links.Trends(board.BoardId)}">trends</a> | <a href="{Links.BoardMatrix(board.BoardId)}">nightly strip</a>{KernelCompare(v, board.BoardId)}</p>
            {Trouble(run.Id, board)}
            <table data-testid="cases-table">
            <thead><tr><th>Case</th><th>Status</th><th>Duration</th><th>Errno</th><th>Reason</th><th>Measurements</th><th>dmesg</th></tr></thead>
            <tbody>{board.Cases.Select(c => Row(run.Id, c))}</tbody>
            </table>
            </section>
            """));
        var body = Html.Of($"""
            <p data-testid="run-summary">{StatusView.Badge(Status(run.Status))} {run.Trigger} run by {run.Who}, {run.State};
            started {Format.Time(run.StartedAt)}, ended {Format.Time(run.EndedAt)},
            duration {Format.Duration(run.DurationSeconds is { } s ? TimeSpan.FromSeconds(s) : null)}; {StatusView.Counts(run.Counts)}.</p>
            {(run.Note is null ? Html.Empty : Html.Of($"<p class=\"note\" data-testid=\"run-note\">{run.Note}</p>"))}
            <p><a href="{Links.RunMatrix(run.Id)}">matrix</a> | <a href="{Links.Regressions(run.Id)}">regressions</a>
            | <a href="/api/runs/{Uri.EscapeDataString(run.Id)}/junit.xml" data-testid="export-junit">JUnit XML</a>
            | <a href="/api/runs/{Uri.EscapeDataString(run.Id)}/kcidb.json" data-testid="export-kcidb">KCIDB JSON</a>
            | <a href="/api/runs/{Uri.EscapeDataString(run.Id)}">JSON</a></p>
            <h2>What was built</h2>
            <dl class="build" data-testid="build-info">
            <dt>Kernel</dt><dd>{b.KernelVersion ?? "-"}</dd>
            <dt>Kernel source</dt><dd>{b.KernelSource ?? "-"}</dd>
            <dt>Patch queue</dt><dd>{b.PatchQueueHash ?? "-"}</dd>
            <dt>Modules</dt><dd>{b.ModuleBuildHash ?? "-"}</dd>
            <dt>Agent</dt><dd>{b.AgentBuildHash ?? "-"}</dd>
            <dt>lab.json</dt><dd>{b.LabJsonHash}</dd>
            <dt>Build log</dt><dd>{(v.HasBuildLog ? Html.Of($"<a href=\"{Links.BuildLog(run.Id)}\" data-testid=\"build-log-link\">module build log</a>") : Html.Text("not kept"))}</dd>
            </dl>
            {boards}
            """);
        return Layout.Page("Run " + run.Id, "runs", body);
    }

    private static Html Row(string runId, CaseResult c)
    {
        var measurements = string.Join(", ", c.Measurements.Select(m => $"{m.Name} {Format.Number(m.Value)} {m.Unit}"));
        var errno = c.Errno is { } e ? $"{c.ErrnoName ?? "?"} ({e})" : c.ErrnoName ?? string.Empty;
        return Html.Of($"""
            <tr data-testid="case-row" data-case="{c.TestId}" data-status="{c.Status}">
            <td class="case"><a href="{Links.Case(runId, c.BoardId, c.TestId)}" data-testid="case-link">{c.TestId}</a></td>
            <td>{StatusView.Badge(Status(c.Status))}</td>
            <td class="num">{Format.Duration(TimeSpan.FromMilliseconds(c.DurationMs))}</td>
            <td data-testid="case-errno">{errno}</td><td>{c.Reason}</td><td>{measurements}</td>
            <td>{(c.TroubleLines > 0 ? Html.Of($"<strong class=\"label-regression\">{c.TroubleLines} oops/warn</strong>") : Html.Text(c.Dmesg.Count > 0 ? $"{c.Dmesg.Count} lines" : ""))}</td>
            </tr>
            """);
    }

    private static Html Trouble(string runId, BoardDetail board)
    {
        if (board.Trouble.Count == 0)
        {
            return Html.Empty;
        }

        var items = board.Trouble.Select(t => Html.Of($"""
            <li data-testid="trouble-line">{t.Source} line {t.Number}: <code>{t.Text}</code>
            {(t.TestId is { } id ? Html.Of($" while <a href=\"{Links.Case(runId, board.BoardId, id)}\" data-testid=\"trouble-case\">{id}</a> ran") : Html.Text(" (no case running)"))}</li>
            """));
        return Html.Of($"<div class=\"error\"><strong>Kernel trouble</strong><ul>{items}</ul></div>");
    }

    internal static TestStatus? Status(string? s) => TestStatuses.TryParse(s, out var status) ? status : null;
}
