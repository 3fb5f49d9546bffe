using Lab.Dashboard.Features.Boards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lab.Dashboard.Apis;

/// <summary>/api/boards: health, last run, lease holder of each board.</summary>
internal static class BoardsApi
{
    public static RouteGroupBuilder MapBoardsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/boards", Get).WithTags("Boards");
        return api;
    }

    private static Ok<IReadOnlyList<BoardStatus>> Get(BoardsService boards) => TypedResults.Ok(boards.All());
}
