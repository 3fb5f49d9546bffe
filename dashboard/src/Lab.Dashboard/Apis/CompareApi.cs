using Lab.Dashboard.Features.Compare;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lab.Dashboard.Apis;

/// <summary>/api/compare?a=&amp;b=[&amp;boardA=&amp;boardB=]: two runs, or two board runs (a board on two kernels), differences only.</summary>
internal static class CompareApi
{
    public static RouteGroupBuilder MapCompareApi(this RouteGroupBuilder api)
    {
        api.MapGet("/compare", Get).WithTags("Compare");
        return api;
    }

    private static Results<Ok<CompareView>, NotFound<string>, BadRequest<string>> Get(string? a, string? b, string? boardA, string? boardB, CompareService compare)
    {
        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b))
        {
            return TypedResults.BadRequest("give two runs: ?a=RUN&b=RUN");
        }

        return compare.Compare(a, b, string.IsNullOrEmpty(boardA) ? null : boardA, string.IsNullOrEmpty(boardB) ? null : boardB) is { } v
            ? TypedResults.Ok(v)
            : TypedResults.NotFound($"no run '{a}' or '{b}', or no such board run in them");
    }
}
