namespace Lab.Orchestrator.Core.Bench;

/// <summary>One figure of a bench loop's output that becomes a row of the table (and a result <c>lab.bench.ROW</c>).</summary>
/// <param name="Row">The row's name, e.g. <c>irq-loopback@pl031</c>.</param>
/// <param name="Stat">The output line's <c>METRIC STAT</c>, e.g. <c>irq-loopback median</c> or <c>spawn maxrss</c>.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="HigherIsBetter">True for rates (ops/s).</param>
/// <param name="What">What the row measures.</param>
public sealed record BenchStat(string Row, string Stat, string Unit, bool HigherIsBetter, string What);
