namespace Lab.Orchestrator.Core.Results;

/// <summary>
/// The results store failed (a full disk, a damaged file): the message names the store file, what was being done
/// and the cause. A run stops its boards and ends on it (exit 3); nothing acknowledged before it is lost.
/// </summary>
public class ResultStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ResultStoreException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ResultStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ResultStoreException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
