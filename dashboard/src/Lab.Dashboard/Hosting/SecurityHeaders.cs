namespace Lab.Dashboard.Hosting;

/// <summary>
/// Headers on every response: pages run no script at all (CSP <c>script-src 'none'</c>), load only our own CSS, and
/// cannot be framed; browsers must not sniff text logs into HTML.
/// </summary>
internal static class SecurityHeaders
{
    public const string Csp =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = Csp;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "same-origin";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            await next(context);
        });
}
