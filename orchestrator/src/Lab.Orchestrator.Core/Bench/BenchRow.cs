namespace Lab.Orchestrator.Core.Bench;

/// <summary>A row of the table.</summary>
/// <param name="Stat">What it is.</param>
/// <param name="Reference">The reference's values over the rounds; null when it gave none.</param>
/// <param name="Agent">The agent's; null when it gave none.</param>
/// <param name="Problems">Why rounds gave no value.</param>
public sealed record BenchRow(BenchStat Stat, BenchSummary? Reference, BenchSummary? Agent, IReadOnlyList<string> Problems)
{
    /// <summary>agent median / reference median; null when a side is missing or the reference is 0.</summary>
    public double? Ratio => Reference is { Median: > 0 } r && Agent is { } a ? a.Median / r.Median : null;
}
