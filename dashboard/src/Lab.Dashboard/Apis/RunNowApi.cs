using Lab.Dashboard.Features.RunNow;

namespace Lab.Dashboard.Apis;

/// <summary>/api/runnow: whether "Run now" is on. Starting is the form POST /runs/now; the job it queues is at /api/jobs/{id}.</summary>
internal static class RunNowApi
{
    public static RouteGroupBuilder MapRunNowApi(this RouteGroupBuilder api)
    {
        api.MapGet("/runnow", (LabToken token) => TypedResults.Ok(new RunNowState(token.Configured))).WithTags("RunNow");
        return api;
    }
}
