using System.Text.RegularExpressions;
using Lab.Dashboard.Data;
using Lab.Orchestrator.Core.Jobs;
using Lab.Orchestrator.Core.Results;
using Lab.Dashboard.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Lab.Dashboard.Rendering;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lab.Dashboard.Features.RunNow;

/// <summary>
/// "Run now": GET /runs/now (form), POST /runs/now (queues a job, as <c>lab submit</c> does, then shows it on the
/// queue page). The POST needs all three of: a same-origin request, a valid antiforgery token, and the lab token
/// typed by the developer. Board and pattern are checked against strict patterns.
/// </summary>
internal static partial class RunNowPages
{
    public static IEndpointRouteBuilder MapRunNowPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/runs/now", (HttpContext ctx, LabToken token, IAntiforgery antiforgery, ResultsReader reader) =>
            token.Configured
                ? Form(ctx, antiforgery, reader, null, StatusCodes.Status200OK)
                : PageResults.Html(RunNowPage.Disabled(token.File), StatusCodes.Status404NotFound));
        app.MapPost("/runs/now", Start);
        app.MapGet("/runs/now/{jobId}", (string jobId) => TypedResults.Redirect(Links.Job(jobId)));
        return app;
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> Start(
        HttpContext ctx, LabToken token, IJobStore jobs, IAntiforgery antiforgery, ResultsReader reader,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var log = loggers.CreateLogger(typeof(RunNowPages).FullName!);
        ContentHttpResult Refuse(int status, string reason)
        {
            DashboardLog.RunNowRefused(log, ctx.Connection.RemoteIpAddress?.ToString(), reason);
            return PageResults.Html(Layout.Page("Run now refused", "runs", Html.Of($"<p class=\"error\" data-testid=\"refused\">{reason}</p>")), status);
        }

        if (!token.Configured)
        {
            return Refuse(StatusCodes.Status403Forbidden, "Run now is disabled: no lab token is configured on the dashboard host.");
        }

        if (!SameOrigin(ctx.Request))
        {
            return Refuse(StatusCodes.Status403Forbidden, "Run now refused: the request did not come from this dashboard (Origin/Referer).");
        }

        if (!ctx.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(ctx))
        {
            return Refuse(StatusCodes.Status403Forbidden, "Run now refused: the form's antiforgery token is missing or stale; reload the form.");
        }

        var form = await ctx.Request.ReadFormAsync(ct);
        var supplied = form["token"].ToString();
        if (string.IsNullOrEmpty(supplied) && ctx.Request.Headers.Authorization.ToString() is { } auth &&
            auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            supplied = auth["Bearer ".Length..];
        }

        if (!token.Matches(supplied))
        {
            return Refuse(StatusCodes.Status403Forbidden, "Run now refused: wrong lab token.");
        }

        var board = form["board"].ToString();
        var cases = form["cases"].ToString();
        if (Validate(board, cases) is { } error)
        {
            return Form(ctx, antiforgery, reader, error, StatusCodes.Status400BadRequest);
        }

        var who = $"dashboard ({ctx.Connection.RemoteIpAddress})";
        var job = jobs.SubmitJob(new JobSpec([board], cases, RunTrigger.Dashboard, who, JobPriority.Normal));
        DashboardLog.RunNowStarted(log, job.Id, board, cases);
        return TypedResults.Redirect(Links.Job(job.Id));
    }

    private static ContentHttpResult Form(HttpContext ctx, IAntiforgery antiforgery, ResultsReader reader, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(ctx);
        return PageResults.Html(RunNowPage.Form(reader.BoardIds(), tokens.FormFieldName, tokens.RequestToken ?? string.Empty, error), status);
    }

    /// <summary>Why the request is refused, or null when board and pattern are acceptable.</summary>
    public static string? Validate(string? boardId, string? cases)
    {
        if (string.IsNullOrEmpty(boardId) || !BoardPattern().IsMatch(boardId))
        {
            return "board: letters, digits, '.', '_' and '-' only, not starting with '-'";
        }

        if (string.IsNullOrEmpty(cases) || !CasePattern().IsMatch(cases))
        {
            return "cases: a dotted case id or glob (letters, digits, '.', '_', '-', '*', '?'), not starting with '-'";
        }

        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.][A-Za-z0-9_.\-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex BoardPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.*?][A-Za-z0-9_.*?\-]{0,199}$", RegexOptions.CultureInvariant)]
    private static partial Regex CasePattern();

    // Browsers send Origin on every POST; an older one sends at least Referer. Neither, or another origin, is refused.
    private static bool SameOrigin(HttpRequest request)
    {
        var self = $"{request.Scheme}://{request.Host}";
        var origin = request.Headers.Origin.ToString();
        if (!string.IsNullOrEmpty(origin))
        {
            return string.Equals(origin, self, StringComparison.OrdinalIgnoreCase);
        }

        var referer = request.Headers.Referer.ToString();
        return Uri.TryCreate(referer, UriKind.Absolute, out var r) &&
            string.Equals(r.GetLeftPart(UriPartial.Authority), self, StringComparison.OrdinalIgnoreCase);
    }
}
