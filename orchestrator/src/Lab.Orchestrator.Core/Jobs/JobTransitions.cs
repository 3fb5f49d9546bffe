namespace Lab.Orchestrator.Core.Jobs;

/// <summary>
/// The job state diagram:
/// <code>
/// Queued  -> Running | Cancelled | FailedToStart
/// Running -> Done | Cancelled | FailedToStart
///          | Queued      (its worker died with the service, first time)
///          | Incomplete  (its worker died again)
/// </code>
/// Done, Cancelled, FailedToStart and Incomplete are final.
/// </summary>
public static class JobTransitions
{
    /// <summary>True when a job may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool Allowed(JobState from, JobState to) => (from, to) switch
    {
        (JobState.Queued, JobState.Running or JobState.Cancelled or JobState.FailedToStart) => true,
        (JobState.Running, JobState.Done or JobState.Cancelled or JobState.FailedToStart or JobState.Queued or JobState.Incomplete) => true,
        _ => false,
    };

    /// <summary>True for the states a job never leaves.</summary>
    public static bool IsFinal(JobState state) => state is JobState.Done or JobState.Cancelled or JobState.FailedToStart or JobState.Incomplete;
}
