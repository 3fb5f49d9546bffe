using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Jobs;

/// <summary>
/// The job queue, kept in the results store so that a restart of <c>lab serve</c> loses nothing and so that
/// <c>lab submit</c>, <c>lab cancel</c> and the dashboard reach it without the service's help. Every state change
/// is checked against <see cref="JobTransitions"/> inside one store transaction.
/// </summary>
public interface IJobStore
{
    /// <summary>Queues a job and returns it with its new id.</summary>
    Job SubmitJob(JobSpec spec);

    /// <summary>One job; null when there is none with that id.</summary>
    Job? GetJob(string id);

    /// <summary>Jobs not ended (queued, running) and the <paramref name="ended"/> most recently ended, newest first.</summary>
    IReadOnlyList<Job> ListJobs(int ended = 50);

    /// <summary>Moves a queued job to running for <paramref name="worker"/>; null when it is no longer queued.</summary>
    Job? TryStartJob(string id, RunOwner worker);

    /// <summary>Records the run an attempt of the job opened, and where the job is now.</summary>
    void UpdateJob(string id, string? runId, string? progress);

    /// <summary>Ends a job (a move <see cref="JobTransitions"/> does not allow throws).</summary>
    Job FinishJob(string id, JobState state, int? exitCode, string? note);

    /// <summary>
    /// Cancels a queued job at once, or asks the worker of a running one to stop (it keeps what was recorded);
    /// null when there is no such job. An ended job is returned unchanged.
    /// </summary>
    Job? CancelJob(string id);

    /// <summary>
    /// Running jobs whose worker process is gone: re-queued the first time, marked incomplete the second. Returns
    /// the jobs it changed.
    /// </summary>
    IReadOnlyList<Job> RecoverJobs(Func<RunOwner, bool> workerAlive);

    /// <summary>The latest nightly slot a job was queued for; null before the first.</summary>
    DateTimeOffset? LastNightlySlot();

    /// <summary>What the health checks said of each board that has had one.</summary>
    IReadOnlyList<BoardHealth> GetBoardHealth();

    /// <summary>Stores a board's health (replacing the previous record).</summary>
    void SaveBoardHealth(BoardHealth health);
}
