using Lab.Dashboard.Features.Compare;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lab.Dashboard.Apis;

/// <summary>/api/compare?a=&amp;b=: two runs, differences only.</summary>
internal static class CompareApi
{
    public static RouteGroupBuilder MapCompareApi(this RouteGroupBuilder api)
    {
        api.MapGet("/compare", Get).WithTags("Compare");
        return api;
    }

    private static Results<Ok<CompareView>, NotFound<string>, BadRequest<string>> Get(string? a, string? b, CompareService compare)
    {
        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b))
        {
            return TypedResults.BadRequest("give two runs: ?a=RUN&b=RUN");
        }

        return compare.Compare(a, b) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound($"no run '{a}' or '{b}'");
    }
}
