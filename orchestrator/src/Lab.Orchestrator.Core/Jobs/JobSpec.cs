using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Jobs;

/// <summary>
/// What a job asks for, described without this process's state, so another engine (LAVA) could run it as well:
/// boards by id, cases by pattern, the kernel by lab.json name or a developer's tree or patch queue by path, and
/// the lab.json it was submitted against by hash.
/// </summary>
/// <param name="Boards">Board ids; they run one after another in one run, each under its own lease.</param>
/// <param name="Cases">A case id pattern replacing the boards' suites; null to run the suites.</param>
/// <param name="Trigger">What submitted it.</param>
/// <param name="Who">Who submitted it (a user name, or "nightly").</param>
/// <param name="Priority">Its place in the queue.</param>
public sealed record JobSpec(IReadOnlyList<string> Boards, string? Cases, RunTrigger Trigger, string Who, JobPriority Priority)
{
    /// <summary>A lab.json kernel name replacing the boards' own; null to keep them.</summary>
    public string? Kernel { get; init; }

    /// <summary>A Linux git tree whose drivers/vfio is built instead of the kernel's patch queue.</summary>
    public string? Tree { get; init; }

    /// <summary>A patch queue directory replacing the kernel's.</summary>
    public string? Patches { get; init; }

    /// <summary>How long each stress case loops; null keeps the suites' value.</summary>
    public int? StressSeconds { get; init; }

    /// <summary>The nightly slot (UTC) that fired this job; null for other triggers.</summary>
    public DateTimeOffset? NightlySlot { get; init; }

    /// <summary>A health check (boot, modules, one case) rather than a test job.</summary>
    public bool HealthCheck { get; init; }

    /// <summary>SHA-256 of the lab.json the job was submitted against.</summary>
    public string? LabSha256 { get; init; }
}
