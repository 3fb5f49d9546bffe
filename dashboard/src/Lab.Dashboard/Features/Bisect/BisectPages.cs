using Lab.Dashboard.Hosting;
using Lab.Orchestrator.Core.Bisect;

namespace Lab.Dashboard.Features.Bisect;

/// <summary>GET /bisect and GET /bisect/{id}.</summary>
internal static class BisectPages
{
    public static IEndpointRouteBuilder MapBisectPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bisect", (IBisectionStore store) => PageResults.Html(BisectPage.List(store.ListBisections())));
        app.MapGet("/bisect/{id}", (string id, IBisectionStore store) =>
            store.GetBisection(id) is { } b ? PageResults.Html(BisectPage.Detail(b)) : PageResults.NotFound($"No bisection '{id}'."));
        return app;
    }
}
