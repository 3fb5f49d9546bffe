using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Config;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>
/// What the <c>cases</c> step does on a board that is up, its devices bound and the agent deployed, when it is not
/// the catalog (<see cref="BoardRunContext.Work"/> null): <c>lab bench</c>'s rounds. The pipeline still owns the
/// board: lease, bring-up, the board watch, restore and power-off.
/// </summary>
public interface IBoardWork
{
    /// <summary>A progress line while the step runs ("running the bench...").</summary>
    string Describe(BoardConfig board);

    /// <summary>Does the work; results go to the store as they come.</summary>
    Task RunAsync(BoardWorkSession session, CancellationToken ct);
}

/// <summary>The board as <see cref="IBoardWork"/> gets it.</summary>
/// <param name="Board">Its lab.json entry.</param>
/// <param name="Link">The SSH session (commands and uploads).</param>
/// <param name="Bound">Each device and where it is bound.</param>
/// <param name="RunId">The run results belong to.</param>
/// <param name="AgentPath">The agent binary on the host (its siblings are the other board tools agents/build.sh makes).</param>
public sealed record BoardWorkSession(
    BoardConfig Board, IBoardLink Link, IReadOnlyList<(DeviceConfig Device, DeviceBinding Binding)> Bound, string RunId, string AgentPath);
