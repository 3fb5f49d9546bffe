namespace Lab.Orchestrator.Core.Boards;

/// <summary>One authenticated link to a booted board (SSH with the pinned host key): commands and files.</summary>
public interface IBoardLink : IBoardCommands, IBoardFiles, IAsyncDisposable
{
}
