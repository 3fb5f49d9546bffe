using Lab.Dashboard.Features.RunNow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lab.Dashboard.Apis;

/// <summary>/api/runnow: whether "Run now" is on, and a started job's progress. Starting is the form POST /runs/now.</summary>
internal static class RunNowApi
{
    public static RouteGroupBuilder MapRunNowApi(this RouteGroupBuilder api)
    {
        api.MapGet("/runnow", (LabToken token) => TypedResults.Ok(new RunNowState(token.Configured))).WithTags("RunNow");
        api.MapGet("/runnow/{jobId}", Job).WithTags("RunNow");
        return api;
    }

    private static Results<Ok<RunJobView>, NotFound<string>> Job(string jobId, RunLauncher launcher) =>
        launcher.Get(jobId) is { } job ? TypedResults.Ok(RunJobView.Of(job)) : TypedResults.NotFound($"no job '{jobId}'");
}
