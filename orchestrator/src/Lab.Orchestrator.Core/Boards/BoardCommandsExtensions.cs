namespace Lab.Orchestrator.Core.Boards;

/// <summary>Conveniences over <see cref="IBoardCommands"/>.</summary>
public static class BoardCommandsExtensions
{
    /// <summary>Runs a command and throws <see cref="BoardCommandException"/> unless it exits 0.</summary>
    public static async Task<CommandResult> RunCheckedAsync(this IBoardCommands commands, string command, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var result = await commands.RunAsync(command, timeout, ct).ConfigureAwait(false);
        return result.Succeeded ? result : throw new BoardCommandException(result);
    }
}
