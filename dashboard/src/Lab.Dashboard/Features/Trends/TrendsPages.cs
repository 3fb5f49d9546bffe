using Lab.Dashboard.Data;
using Lab.Dashboard.Hosting;

namespace Lab.Dashboard.Features.Trends;

/// <summary>GET /trends (pick a board) and /trends/{board}.</summary>
internal static class TrendsPages
{
    public static IEndpointRouteBuilder MapTrendsPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/trends", (ResultsReader reader) => PageResults.Html(TrendsPage.Render(null, reader.BoardIds())));
        app.MapGet("/trends/{boardId}", (string boardId, int? runs, ResultsReader reader, TrendsService trends) =>
            PageResults.Html(TrendsPage.Render(trends.For(boardId, runs ?? 60), reader.BoardIds())));
        return app;
    }
}
