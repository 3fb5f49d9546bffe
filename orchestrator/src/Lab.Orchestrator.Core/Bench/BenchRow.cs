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

    /// <summary>
    /// agent best / reference best over the rounds (the smallest time, the largest rate): the two sides compared in
    /// the board's quickest state, which a TCG board leaves and enters from one process to the next (the same C loop
    /// runs 65 us or 130 us per iteration in back-to-back runs).
    /// </summary>
    public double? BestRatio => Reference is { } r && Agent is { } a && (Stat.HigherIsBetter ? r.Max : r.Min) > 0
        ? (Stat.HigherIsBetter ? a.Max / r.Max : a.Min / r.Min)
        : null;
}
