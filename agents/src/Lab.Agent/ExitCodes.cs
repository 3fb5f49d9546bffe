namespace Lab.Agent;

/// <summary>The agent's exit codes (the orchestrator's contract).</summary>
internal static class ExitCodes
{
    /// <summary>Everything passed or skipped.</summary>
    public const int Ok = 0;

    /// <summary>A case failed or errored, or the command could not do its job.</summary>
    public const int Failed = 1;

    /// <summary>Bad command line.</summary>
    public const int Usage = 2;
}
