using Lab.Dashboard.Data;
using Lab.Dashboard.Features.Runs;
using Lab.Dashboard.Hosting;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Compare;

/// <summary>GET /compare[?a=RUN&amp;b=RUN[&amp;boardA=BOARD&amp;boardB=BOARD]].</summary>
internal static class ComparePages
{
    public static IEndpointRouteBuilder MapComparePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/compare", (string? a, string? b, string? boardA, string? boardB, ResultsReader reader, CompareService compare) =>
        {
            var recent = reader.Runs(new RunQuery(Limit: 30)).Select(RunSummary.Of).ToList();
            var picked = new CompareQuery(a, b, NullIfEmpty(boardA), NullIfEmpty(boardB));
            if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b))
            {
                return PageResults.Html(ComparePage.Render(null, recent, picked, null));
            }

            var view = compare.Compare(a, b, picked.BoardA, picked.BoardB);
            return view is null
                ? PageResults.Html(ComparePage.Render(null, recent, picked, picked.BoardA is null && picked.BoardB is null
                    ? $"No run '{a}' or '{b}'."
                    : $"No run '{a}' or '{b}', or no board run '{picked.BoardA ?? picked.BoardB}' / '{picked.BoardB ?? picked.BoardA}' in them."), StatusCodes.Status404NotFound)
                : PageResults.Html(ComparePage.Render(view, recent, picked, null));
        });
        return app;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
