namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>How one agent invocation on a device ended.</summary>
public enum CaseRunEnd
{
    /// <summary>The agent ran to its end (whatever its results).</summary>
    Completed,

    /// <summary>A case stayed silent past the case timeout; the agent was stopped and the board still answers.</summary>
    CaseTimedOut,

    /// <summary>The link to the board dropped, or the board stopped answering: it needs a recovery.</summary>
    LinkLost,
}
