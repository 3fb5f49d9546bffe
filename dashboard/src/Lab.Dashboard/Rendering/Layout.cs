namespace Lab.Dashboard.Rendering;

/// <summary>The page frame: head, navigation, main. Pages carry no script at all (see the CSP header).</summary>
internal static class Layout
{
    private static readonly (string Href, string Label, string Id)[] s_nav =
    [
        ("/runs", "Runs", "runs"),
        ("/matrix", "Matrix", "matrix"),
        ("/regressions", "Regressions", "regressions"),
        ("/trends", "Trends", "trends"),
        ("/compare", "Compare", "compare"),
        ("/boards", "Boards", "boards"),
        ("/queue", "Queue", "queue"),
        ("/bisect", "Bisect", "bisect"),
    ];

    /// <summary>A whole page.</summary>
    public static string Page(string title, string active, Html body, Html head = default)
    {
        var nav = s_nav.Select(n => Html.Of(
            $"<a href=\"{n.Href}\" data-testid=\"nav-{n.Id}\"{(n.Id == active ? Html.Of($" class=\"active\"") : Html.Empty)}>{n.Label}</a>"));
        return Html.Of($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} - VfioLab</title>
            <link rel="stylesheet" href="/static/site.css">
            {head}
            </head>
            <body>
            <header><span class="brand">VfioLab</span>{nav}</header>
            <main>
            <h1 data-testid="page-title">{title}</h1>
            {body}
            </main>
            </body>
            </html>
            """).Value;
    }
}
