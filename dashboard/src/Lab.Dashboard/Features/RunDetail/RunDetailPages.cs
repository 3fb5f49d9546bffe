using Lab.Dashboard.Hosting;

namespace Lab.Dashboard.Features.RunDetail;

/// <summary>GET /runs/{id}, its board logs, its cases and its build log.</summary>
internal static class RunDetailPages
{
    public static IEndpointRouteBuilder MapRunDetailPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/runs/{runId}", (string runId, RunDetailService runs) =>
            runs.Get(runId) is { } v ? PageResults.Html(RunDetailPage.Render(v)) : PageResults.NotFound($"No run '{runId}'."));
        app.MapGet("/runs/{runId}/boards/{boardId}/console", (string runId, string boardId, RunDetailService runs) =>
            runs.Console(runId, boardId) is { } lines
                ? PageResults.Html(LogPage.Render($"Console log: {boardId}", runId, boardId, lines))
                : PageResults.NotFound($"No console log for board '{boardId}' in run '{runId}'."));
        app.MapGet("/runs/{runId}/boards/{boardId}/dmesg", (string runId, string boardId, RunDetailService runs) =>
            runs.Dmesg(runId, boardId) is { } lines
                ? PageResults.Html(LogPage.Render($"Kernel log: {boardId}", runId, boardId, lines))
                : PageResults.NotFound($"No kernel log for board '{boardId}' in run '{runId}'."));
        app.MapGet("/runs/{runId}/boards/{boardId}/case", (string runId, string boardId, string test, RunDetailService runs) =>
            runs.Case(runId, boardId, test) is { } c
                ? PageResults.Html(CasePage.Render(runId, c.Case, c.Log))
                : PageResults.NotFound($"No case '{test}' on board '{boardId}' in run '{runId}'."));
        app.MapGet("/runs/{runId}/build-log", (string runId, RunDetailService runs) =>
            runs.BuildLog(runId) is { } log
                ? PageResults.Html(LogPage.Render("Module build log", runId, null, KernelLog.Annotate(log, [])))
                : PageResults.NotFound($"Run '{runId}' kept no build log."));
        return app;
    }
}
