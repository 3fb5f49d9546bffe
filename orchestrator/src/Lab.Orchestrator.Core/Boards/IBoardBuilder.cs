using Lab.Orchestrator.Core.Config;

namespace Lab.Orchestrator.Core.Boards;

/// <summary>The build step: kernel, modules, image and agent for a board (cached; boards sharing a kernel share a build).</summary>
public interface IBoardBuilder
{
    /// <summary>The kernel-side artifacts for <paramref name="board"/>.</summary>
    Task<BoardArtifacts> BuildAsync(BoardConfig board, CancellationToken ct);

    /// <summary>The agent for the board's architecture and runtime: what to upload.</summary>
    Task<AgentFiles> BuildAgentAsync(BoardConfig board, CancellationToken ct);
}
