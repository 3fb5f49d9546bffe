using Lab.Dashboard.Rendering;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lab.Dashboard.Hosting;

/// <summary>HTML and text responses for pages.</summary>
internal static class PageResults
{
    public static ContentHttpResult Html(string html, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);

    public static ContentHttpResult NotFound(string what) =>
        Html(Layout.Page("Not found", "", Rendering.Html.Of($"<p data-testid=\"not-found\">{what}</p>")), StatusCodes.Status404NotFound);
}
