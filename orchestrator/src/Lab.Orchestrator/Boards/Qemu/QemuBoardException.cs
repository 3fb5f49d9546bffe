namespace Lab.Orchestrator.Boards.Qemu;

/// <summary>A QEMU board could not be started or brought to SSH; the message carries the console and QEMU log tails.</summary>
internal sealed class QemuBoardException : Exception
{
    public QemuBoardException()
    {
    }

    public QemuBoardException(string message)
        : base(message)
    {
    }

    public QemuBoardException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public QemuBoardException(QemuFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>The class of failure.</summary>
    public QemuFailure Failure { get; }
}
