using Lab.Dashboard.Features.Trends;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lab.Dashboard.Apis;

/// <summary>/api/boards/{id}/trends: pass rate and measurements over the board's recent runs.</summary>
internal static class TrendsApi
{
    public static RouteGroupBuilder MapTrendsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/boards/{boardId}/trends", Get).WithTags("Trends");
        return api;
    }

    private static Ok<TrendsView> Get(string boardId, int? runs, TrendsService trends) =>
        TypedResults.Ok(trends.For(boardId, runs ?? 60));
}
