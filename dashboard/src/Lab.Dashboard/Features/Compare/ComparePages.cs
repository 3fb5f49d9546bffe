using Lab.Dashboard.Data;
using Lab.Dashboard.Features.Runs;
using Lab.Dashboard.Hosting;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Compare;

/// <summary>GET /compare[?a=RUN&amp;b=RUN].</summary>
internal static class ComparePages
{
    public static IEndpointRouteBuilder MapComparePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/compare", (string? a, string? b, ResultsReader reader, CompareService compare) =>
        {
            var recent = reader.Runs(new RunQuery(Limit: 30)).Select(RunSummary.Of).ToList();
            if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b))
            {
                return PageResults.Html(ComparePage.Render(null, recent, a, b, null));
            }

            var view = compare.Compare(a, b);
            return view is null
                ? PageResults.Html(ComparePage.Render(null, recent, a, b, $"No run '{a}' or '{b}'."), StatusCodes.Status404NotFound)
                : PageResults.Html(ComparePage.Render(view, recent, a, b, null));
        });
        return app;
    }
}
