using Lab.Orchestrator.Core.Config;

namespace Lab.Orchestrator.Core.Boards;

/// <summary>Makes the adapter for a board's kind (qemu, ssh, fvp). Creating touches nothing; power on does.</summary>
public interface IBoardFactory
{
    /// <summary>The board, ready to be powered on; its console and files go under <paramref name="runDirectory"/>.</summary>
    IBoard Create(BoardConfig board, BoardArtifacts artifacts, string runDirectory);
}
