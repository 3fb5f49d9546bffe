using Lab.Dashboard.Data;
using Lab.Dashboard.Features.Runs;
using Lab.Dashboard.Hosting;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Matrix;

/// <summary>GET /matrix (a run, the newest by default) and /matrix/boards/{id} (a board's nightly strip).</summary>
internal static class MatrixPages
{
    public static IEndpointRouteBuilder MapMatrixPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/matrix", (string? run, ResultsReader reader, MatrixService matrix) =>
        {
            var recent = reader.Runs(new RunQuery(Limit: 10)).Select(RunSummary.Of).ToList();
            var runId = run ?? recent.FirstOrDefault()?.Id;
            var view = runId is null ? null : matrix.ForRun(runId);
            return view is null
                ? PageResults.NotFound(runId is null ? "No runs yet." : $"No run '{runId}'.")
                : PageResults.Html(MatrixPage.Render(view, recent, reader.BoardIds()));
        });
        app.MapGet("/matrix/boards/{boardId}", (string boardId, int? n, ResultsReader reader, MatrixService matrix) =>
        {
            var recent = reader.Runs(new RunQuery(Limit: 10)).Select(RunSummary.Of).ToList();
            return PageResults.Html(MatrixPage.Render(matrix.ForBoard(boardId, n ?? 14), recent, reader.BoardIds()));
        });
        return app;
    }
}
