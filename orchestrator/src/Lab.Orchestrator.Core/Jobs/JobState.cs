namespace Lab.Orchestrator.Core.Jobs;

/// <summary>Where a job is in its life; see <see cref="JobTransitions"/> for the moves allowed.</summary>
public enum JobState
{
    /// <summary>Waiting for its boards.</summary>
    Queued,

    /// <summary>A worker runs it.</summary>
    Running,

    /// <summary>Its run finished (whatever the results).</summary>
    Done,

    /// <summary>Cancelled before or while it ran; what was recorded is kept.</summary>
    Cancelled,

    /// <summary>It could not start: a board it names is unknown, or its lab.json no longer loads.</summary>
    FailedToStart,

    /// <summary>Its worker died with the service twice: its partial results are kept, it is not tried again.</summary>
    Incomplete,
}
