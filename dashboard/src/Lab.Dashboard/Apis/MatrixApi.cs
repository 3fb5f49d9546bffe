using Lab.Dashboard.Features.Matrix;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lab.Dashboard.Apis;

/// <summary>Matrices: cases x boards of a run, cases x nightly runs of a board.</summary>
internal static class MatrixApi
{
    public static RouteGroupBuilder MapMatrixApi(this RouteGroupBuilder api)
    {
        api.MapGet("/runs/{runId}/matrix", ForRun).WithTags("Matrix");
        api.MapGet("/boards/{boardId}/matrix", ForBoard).WithTags("Matrix");
        return api;
    }

    private static Results<Ok<MatrixView>, NotFound<string>> ForRun(string runId, MatrixService matrix) =>
        matrix.ForRun(runId) is { } m ? TypedResults.Ok(m) : TypedResults.NotFound($"no run '{runId}'");

    private static Ok<MatrixView> ForBoard(string boardId, int? n, MatrixService matrix) =>
        TypedResults.Ok(matrix.ForBoard(boardId, n ?? 14));
}
