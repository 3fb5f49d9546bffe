using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Jobs;

/// <summary>How the scheduler runs.</summary>
public sealed record SchedulerOptions
{
    /// <summary>Boards that may run at once (lab.json <c>maxParallelBoards</c>).</summary>
    public int MaxParallelBoards { get; init; } = 1;

    /// <summary>How often the queue, cancel requests and the nightly slot are looked at.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The nightly schedule; null when lab.json has none.</summary>
    public NightlySchedule? Nightly { get; init; }

    /// <summary>The boards a nightly slot queues a job for (one job each, so they run in parallel).</summary>
    public IReadOnlyList<string> NightlyBoards { get; init; } = [];

    /// <summary>The case id pattern of a health check (boot, modules, bind, then these cases).</summary>
    public string HealthCheckCases { get; init; } = "vfio.common.device.info";

    /// <summary>This process, recorded as the worker of the jobs it runs.</summary>
    public required RunOwner Self { get; init; }

    /// <summary>Whether a worker process still runs (a dead one's jobs are re-queued once).</summary>
    public required Func<RunOwner, bool> WorkerAlive { get; init; }

    /// <summary>Boards a lease held outside this service keeps busy (a plain <c>lab run</c>).</summary>
    public Func<IReadOnlyList<BoardLease>> Leases { get; init; } = () => [];
}
