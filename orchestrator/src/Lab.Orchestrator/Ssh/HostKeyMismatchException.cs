namespace Lab.Orchestrator.Ssh;

/// <summary>The board presented a host key other than the pinned one: the connection was refused.</summary>
internal sealed class HostKeyMismatchException : Exception
{
    public HostKeyMismatchException()
    {
        Expected = string.Empty;
        Actual = string.Empty;
    }

    public HostKeyMismatchException(string message)
        : base(message)
    {
        Expected = string.Empty;
        Actual = string.Empty;
    }

    public HostKeyMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
        Expected = string.Empty;
        Actual = string.Empty;
    }

    public HostKeyMismatchException(string endpoint, string expected, string actual)
        : base($"host key of {endpoint} does not match the pinned key: expected {expected}, board presented {actual}; connection refused")
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The pinned fingerprint.</summary>
    public string Expected { get; }

    /// <summary>The fingerprint the board presented.</summary>
    public string Actual { get; }
}
