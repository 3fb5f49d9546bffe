using Lab.Orchestrator.Core.Bisect;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lab.Dashboard.Apis;

/// <summary>/api/bisections: the bisections (newest first) and one with its steps. Starting one is <c>lab bisect</c>.</summary>
internal static class BisectionsApi
{
    public static RouteGroupBuilder MapBisectionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/bisections", (IBisectionStore store, int? limit) => TypedResults.Ok(store.ListBisections(Math.Clamp(limit ?? 50, 1, 500)))).WithTags("Bisections");
        api.MapGet("/bisections/{id}", Bisection).WithTags("Bisections");
        return api;
    }

    private static Results<Ok<BisectionRecord>, NotFound<string>> Bisection(string id, IBisectionStore store) =>
        store.GetBisection(id) is { } b ? TypedResults.Ok(b) : TypedResults.NotFound($"no bisection '{id}'");
}
