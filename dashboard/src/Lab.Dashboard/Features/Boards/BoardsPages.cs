using Lab.Dashboard.Hosting;

namespace Lab.Dashboard.Features.Boards;

/// <summary>GET /boards.</summary>
internal static class BoardsPages
{
    public static IEndpointRouteBuilder MapBoardsPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/boards", (BoardsService boards) => PageResults.Html(BoardsPage.Render(boards.All())));
        return app;
    }
}
