namespace Lab.Orchestrator.Core.Boards;

/// <summary>
/// Command execution on a booted board. A command that does not end in its time, or a link that drops, throws
/// <see cref="BoardConnectionLostException"/>; a non-zero exit is a result, not an exception.
/// </summary>
public interface IBoardCommands
{
    /// <summary>Where the commands go, for messages (<c>root@127.0.0.1:2222</c>).</summary>
    string Endpoint { get; }

    /// <summary>True while the link is up.</summary>
    bool IsConnected { get; }

    /// <summary>Runs <paramref name="command"/> with <c>sh -c</c> semantics on the board.</summary>
    Task<CommandResult> RunAsync(string command, TimeSpan timeout, CancellationToken ct);

    /// <summary>Runs a command and hands each stdout line to <paramref name="onLine"/> as it arrives (KTAP streaming).</summary>
    Task<CommandResult> RunStreamingAsync(string command, Func<string, CancellationToken, ValueTask> onLine, TimeSpan timeout, CancellationToken ct);
}
