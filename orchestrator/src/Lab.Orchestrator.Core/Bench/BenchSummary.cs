using System.Globalization;

namespace Lab.Orchestrator.Core.Bench;

/// <summary>Median, min and max of a side's values over the rounds.</summary>
/// <param name="Median">The median (the lower middle of an even count).</param>
/// <param name="Min">The smallest.</param>
/// <param name="Max">The largest.</param>
/// <param name="Count">How many rounds gave a value.</param>
public sealed record BenchSummary(double Median, double Min, double Max, int Count)
{
    /// <summary>Null for no values.</summary>
    public static BenchSummary? Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) { return null; }
        var sorted = values.Order().ToList();
        return new BenchSummary(sorted[(sorted.Count - 1) / 2], sorted[0], sorted[^1], sorted.Count);
    }

    /// <summary><c>median [min-max]</c> with three significant figures.</summary>
    public override string ToString() => $"{F(Median)} [{F(Min)}-{F(Max)}]";

    private static string F(double v) => v >= 100 ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("0.0#", CultureInfo.InvariantCulture);
}
