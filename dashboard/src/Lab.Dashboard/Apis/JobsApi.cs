using Lab.Dashboard.Features.Queue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lab.Dashboard.Apis;

/// <summary>/api/jobs: the queue (queued, running, recently ended) and one job. Submitting is <c>lab submit</c> or the Run now form.</summary>
internal static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs", (QueueService queue, int? ended) => TypedResults.Ok(queue.List(Math.Clamp(ended ?? 30, 0, 500)))).WithTags("Jobs");
        api.MapGet("/jobs/{jobId}", Job).WithTags("Jobs");
        return api;
    }

    private static Results<Ok<JobView>, NotFound<string>> Job(string jobId, QueueService queue) =>
        queue.Get(jobId) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound($"no job '{jobId}'");
}
