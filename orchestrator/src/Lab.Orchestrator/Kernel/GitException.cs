namespace Lab.Orchestrator.Kernel;

/// <summary>A git question about a developer's tree that could not be answered: the message names the tree and what failed.</summary>
public sealed class GitException : Exception
{
    /// <summary>Creates one.</summary>
    public GitException()
    {
    }

    /// <summary>Creates one with a message.</summary>
    public GitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates one with a message and its cause.</summary>
    public GitException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
