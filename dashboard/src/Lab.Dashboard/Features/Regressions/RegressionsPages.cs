using Lab.Dashboard.Hosting;

namespace Lab.Dashboard.Features.Regressions;

/// <summary>GET /regressions[?run=ID&amp;window=N].</summary>
internal static class RegressionsPages
{
    public static IEndpointRouteBuilder MapRegressionsPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/regressions", (string? run, int? window, RegressionService regressions) =>
            regressions.For(run, window ?? 10) is { } v
                ? PageResults.Html(RegressionsPage.Render(v))
                : PageResults.NotFound(run is null ? "No runs yet." : $"No run '{run}'."));
        return app;
    }
}
