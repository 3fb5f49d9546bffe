using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>A finished run: the stored record and one summary per board.</summary>
/// <param name="Run">The run as the store has it after FinishRun.</param>
/// <param name="Boards">The boards, in the order they ran.</param>
/// <param name="Cancelled">True when Ctrl-C (or SIGTERM) stopped the run.</param>
public sealed record RunOutcome(RunRecord Run, IReadOnlyList<BoardSummary> Boards, bool Cancelled);
