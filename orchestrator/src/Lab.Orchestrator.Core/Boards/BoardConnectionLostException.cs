namespace Lab.Orchestrator.Core.Boards;

/// <summary>
/// The SSH connection to the board broke or a command did not finish in its time: an infrastructure failure
/// (the board died, hung or was powered off), classified instead of hanging.
/// </summary>
public sealed class BoardConnectionLostException : Exception
{
    public BoardConnectionLostException()
    {
    }

    public BoardConnectionLostException(string message)
        : base(message)
    {
    }

    public BoardConnectionLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the cause was the command's own timeout rather than a dropped connection.</summary>
    public bool TimedOut { get; init; }
}
