using Lab.Dashboard.Hosting;

namespace Lab.Dashboard.Features.Queue;

/// <summary>GET /queue and GET /queue/{job}.</summary>
internal static class QueuePages
{
    public static IEndpointRouteBuilder MapQueuePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/queue", (QueueService queue) => PageResults.Html(QueuePage.List(queue.List(), queue.Serving)));
        app.MapGet("/queue/{jobId}", (string jobId, QueueService queue) =>
            queue.Get(jobId) is { } job ? PageResults.Html(QueuePage.Detail(job)) : PageResults.NotFound($"No job '{jobId}'."));
        return app;
    }
}
