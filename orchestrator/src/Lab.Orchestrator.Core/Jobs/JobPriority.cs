namespace Lab.Orchestrator.Core.Jobs;

/// <summary>Jobs start by priority, then by submit time.</summary>
public enum JobPriority
{
    /// <summary>Before every other waiting job.</summary>
    High = 0,

    /// <summary>The default.</summary>
    Normal = 1,

    /// <summary>After every other waiting job.</summary>
    Low = 2,
}
