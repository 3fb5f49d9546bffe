using Lab.Dashboard.Data;
using Lab.Dashboard.Features.RunNow;
using Lab.Dashboard.Hosting;

namespace Lab.Dashboard.Features.Runs;

/// <summary>GET /runs.</summary>
internal static class RunsPages
{
    public static IEndpointRouteBuilder MapRunsPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Redirect("/runs"));
        app.MapGet("/runs", ([AsParameters] RunsFilter filter, ResultsReader reader, LabToken token) =>
        {
            var query = filter.ToQuery(out var error);
            var runs = query is null ? [] : reader.Runs(query).Select(RunSummary.Of).ToList();
            return PageResults.Html(RunsPage.Render(runs, filter, reader.BoardIds(), error, token.Configured),
                error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        });
        return app;
    }
}
