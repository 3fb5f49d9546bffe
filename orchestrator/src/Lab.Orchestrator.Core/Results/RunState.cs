namespace Lab.Orchestrator.Core.Results;

/// <summary>Where a run is in its life.</summary>
public enum RunState
{
    /// <summary>Its owner process is writing results.</summary>
    Running,

    /// <summary>Finished: every board reported or was classified.</summary>
    Completed,

    /// <summary>Its owner died (killed, crashed, power cut) before finishing; what it wrote is kept.</summary>
    Incomplete,
}
