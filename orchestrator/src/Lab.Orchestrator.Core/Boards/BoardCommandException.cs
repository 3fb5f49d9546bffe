namespace Lab.Orchestrator.Core.Boards;

/// <summary>A command on the board exited non-zero where success was required.</summary>
public sealed class BoardCommandException : Exception
{
    public BoardCommandException()
    {
    }

    public BoardCommandException(string message)
        : base(message)
    {
    }

    public BoardCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BoardCommandException(CommandResult result)
        : base(Describe(result))
    {
        Result = result;
    }

    /// <summary>The failed command's result.</summary>
    public CommandResult? Result { get; }

    private static string Describe(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var status = result.ExitStatus is { } s ? $"exit status {s}" : "no exit status (killed by a signal)";
        var stderr = result.Stderr.Trim();
        return $"board command failed with {status}: {result.Command}" + (stderr.Length > 0 ? $"\n{stderr}" : string.Empty);
    }
}
