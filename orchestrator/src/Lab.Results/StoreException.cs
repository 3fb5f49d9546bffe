namespace Lab.Results;

/// <summary>The store could not do what was asked; the message names the store file or the record.</summary>
public sealed class StoreException : Lab.Orchestrator.Core.Results.ResultStoreException
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StoreException()
    {
    }
}
