using Lab.Dashboard.Features.Regressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lab.Dashboard.Apis;

/// <summary>/api/regressions: regression / fixed / unstable cases of a run (the newest by default).</summary>
internal static class RegressionsApi
{
    public static RouteGroupBuilder MapRegressionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/regressions", Get).WithTags("Regressions");
        return api;
    }

    private static Results<Ok<RegressionsView>, NotFound<string>> Get(string? run, int? window, RegressionService regressions) =>
        regressions.For(run, window ?? 10) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound(run is null ? "no runs yet" : $"no run '{run}'");
}
