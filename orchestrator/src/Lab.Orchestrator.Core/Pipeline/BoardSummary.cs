using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>One board's line in the summary table.</summary>
/// <param name="BoardId">The board.</param>
/// <param name="Status">Worst status of its results; null when it recorded none.</param>
/// <param name="Counts">Results per status.</param>
/// <param name="Duration">Wall time of the board's part.</param>
/// <param name="Health">ok, or the step that broke.</param>
public sealed record BoardSummary(string BoardId, TestStatus? Status, StatusCounts Counts, TimeSpan Duration, string Health)
{
    /// <summary>Bring-up attempts used (1 when nothing had to be retried).</summary>
    public int Attempts { get; init; }

    /// <summary>Why the board had to be reset during its cases, one entry per recovery.</summary>
    public IReadOnlyList<string> Recoveries { get; init; } = [];
}
