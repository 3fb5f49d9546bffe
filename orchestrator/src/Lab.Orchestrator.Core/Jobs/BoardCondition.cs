namespace Lab.Orchestrator.Core.Jobs;

/// <summary>A board's health as the scheduler sees it.</summary>
public enum BoardCondition
{
    /// <summary>Its last check passed.</summary>
    Good,

    /// <summary>A job on it failed for infrastructure reasons, or its last check failed once: check before the next job.</summary>
    NeedsCheck,

    /// <summary>Two checks in a row failed: not scheduled until reset.</summary>
    Bad,
}
