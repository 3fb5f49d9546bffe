namespace Lab.Orchestrator.Core.Jobs;

/// <summary>A job was asked to make a move the state diagram (<see cref="JobTransitions"/>) does not allow.</summary>
public sealed class JobTransitionException : Exception
{
    public JobTransitionException()
    {
    }

    public JobTransitionException(string message)
        : base(message)
    {
    }

    public JobTransitionException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
