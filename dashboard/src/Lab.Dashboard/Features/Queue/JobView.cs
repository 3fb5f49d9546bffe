using Lab.Orchestrator.Core.Jobs;

namespace Lab.Dashboard.Features.Queue;

/// <summary>A job as the API and the queue page show it: no worker host or pid, no paths beyond the job's own.</summary>
internal sealed record JobView(
    string Id, string State, IReadOnlyList<string> Boards, string? Cases, string Priority, string Trigger, string Who, bool HealthCheck,
    DateTimeOffset SubmittedAt, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, int Attempts, IReadOnlyList<string> Runs,
    string? Now, string? Waiting, int? ExitCode, string? Note, bool CancelRequested)
{
    public static JobView Of(Job j, string? waiting)
    {
        ArgumentNullException.ThrowIfNull(j);
        return new(j.Id, j.State.ToString().ToLowerInvariant(), j.Spec.Boards, j.Spec.Cases, j.Spec.Priority.ToString().ToLowerInvariant(),
            j.Spec.Trigger.ToString().ToLowerInvariant(), j.Spec.Who, j.Spec.HealthCheck, j.SubmittedAt, j.StartedAt, j.EndedAt, j.Attempts,
            j.RunIds, j.Progress, j.State == JobState.Queued ? waiting : null, j.ExitCode, j.Note, j.CancelRequested);
    }
}
