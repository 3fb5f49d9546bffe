namespace Lab.Orchestrator.Cli;

/// <summary>The <c>lab</c> command's exit codes, the same for every subcommand.</summary>
internal static class ExitCodes
{
    /// <summary>Everything went as asked.</summary>
    public const int Ok = 0;

    /// <summary>Tests ran and at least one failed.</summary>
    public const int TestsFailed = 1;

    /// <summary>Bad input: a broken lab.json, an unknown board, bad arguments.</summary>
    public const int BadInput = 2;

    /// <summary>Infrastructure failure: a board, a build or the store did not work.</summary>
    public const int Infrastructure = 3;

    /// <summary>The exit code of a finished run: cancelled or MISS/ERROR 3, FAIL 1, else 0.</summary>
    public static int For(Core.Pipeline.RunOutcome outcome) => outcome.Cancelled ? Infrastructure : outcome.Run.Status switch
    {
        Core.Results.TestStatus.Fail => TestsFailed,
        Core.Results.TestStatus.Error or Core.Results.TestStatus.Miss => Infrastructure,
        _ => Ok,
    };
}
