namespace Lab.Orchestrator.Core.Results;

/// <summary>What started a run.</summary>
public enum RunTrigger
{
    /// <summary>The nightly schedule.</summary>
    Nightly,

    /// <summary>A developer at the command line.</summary>
    Manual,

    /// <summary>"Run now" in the dashboard.</summary>
    Dashboard,
}
