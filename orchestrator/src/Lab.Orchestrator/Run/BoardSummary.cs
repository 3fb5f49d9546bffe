using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Run;

/// <summary>One board's line in the summary table.</summary>
/// <param name="BoardId">The board.</param>
/// <param name="Status">Worst status of its results; null when it recorded none.</param>
/// <param name="Counts">Results per status.</param>
/// <param name="Duration">Wall time of the board's part.</param>
/// <param name="Health">ok, or the step that broke.</param>
internal sealed record BoardSummary(string BoardId, TestStatus? Status, StatusCounts Counts, TimeSpan Duration, string Health);
