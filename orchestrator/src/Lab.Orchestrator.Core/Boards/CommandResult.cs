namespace Lab.Orchestrator.Core.Boards;

/// <summary>The outcome of one command on a board.</summary>
/// <param name="Command">The command line as sent.</param>
/// <param name="ExitStatus">The exit status; null when the command died by a signal.</param>
/// <param name="Stdout">Standard output (empty when it was streamed to a callback).</param>
/// <param name="Stderr">Standard error.</param>
/// <param name="Duration">Wall time on the orchestrator's clock.</param>
public sealed record CommandResult(string Command, int? ExitStatus, string Stdout, string Stderr, TimeSpan Duration)
{
    /// <summary>True when the command exited with status 0.</summary>
    public bool Succeeded => ExitStatus == 0;

    /// <summary>The signal that ended the command (<c>KILL</c>, <c>SEGV</c>), when the board reported one.</summary>
    public string? ExitSignal { get; init; }
}
