namespace Lab.Orchestrator.Core.Boards;

/// <summary>A power action failed: its command exited non-zero or did not end in time, or the emulator would not start.</summary>
public sealed class BoardPowerException : Exception
{
    public BoardPowerException()
    {
    }

    public BoardPowerException(string message)
        : base(message)
    {
    }

    public BoardPowerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
