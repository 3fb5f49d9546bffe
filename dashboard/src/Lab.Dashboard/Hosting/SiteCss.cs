namespace Lab.Dashboard.Hosting;

/// <summary>The stylesheet, embedded in the assembly so the dashboard works from any working directory.</summary>
internal static class SiteCss
{
    private static readonly Lazy<string> s_css = new(() =>
    {
        using var stream = typeof(SiteCss).Assembly.GetManifestResourceStream("Lab.Dashboard.site.css")
            ?? throw new InvalidOperationException("site.css is not embedded in Lab.Dashboard");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IEndpointRouteBuilder MapSiteCss(this IEndpointRouteBuilder app)
    {
        app.MapGet("/static/site.css", () => TypedResults.Text(s_css.Value, "text/css; charset=utf-8"));
        return app;
    }
}
