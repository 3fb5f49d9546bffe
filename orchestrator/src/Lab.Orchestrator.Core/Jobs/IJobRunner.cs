namespace Lab.Orchestrator.Core.Jobs;

/// <summary>Runs one job on its boards (the local worker runs <c>lab run</c>'s pipeline; another could hand it to LAVA).</summary>
public interface IJobRunner
{
    /// <summary>
    /// Runs <paramref name="job"/>; <paramref name="progress"/> gets its run id once opened and each progress line.
    /// Cancelling <paramref name="ct"/> stops the boards cleanly and keeps what was recorded.
    /// </summary>
    Task<JobOutcome> RunAsync(Job job, IJobProgress progress, CancellationToken ct);
}
