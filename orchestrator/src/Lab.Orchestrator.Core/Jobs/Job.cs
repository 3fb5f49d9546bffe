using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Jobs;

/// <summary>A job as the store keeps it: what it asks for, where it is, and what came of it.</summary>
public sealed record Job(string Id, JobSpec Spec, JobState State, DateTimeOffset SubmittedAt)
{
    /// <summary>How many times a worker started it (a job whose worker died is re-queued once).</summary>
    public int Attempts { get; init; }

    /// <summary>When the current or last attempt started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The process running it (its death re-queues the job).</summary>
    public RunOwner? Worker { get; init; }

    /// <summary>The runs its attempts recorded, oldest first.</summary>
    public IReadOnlyList<string> RunIds { get; init; } = [];

    /// <summary>Where it is now: the last progress line of its run (board, step, case).</summary>
    public string? Progress { get; init; }

    /// <summary><c>lab cancel</c> or the dashboard asked to stop it.</summary>
    public bool CancelRequested { get; init; }

    /// <summary>The exit code <c>lab run</c> would have given for its run.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Why it ended as it did, in a sentence.</summary>
    public string? Note { get; init; }

    /// <summary>True once it can change no more.</summary>
    public bool Ended => JobTransitions.IsFinal(State);
}
