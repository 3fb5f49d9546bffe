using Lab.TestCases.Model;

namespace Lab.TestCases.Timing;

/// <summary>
/// Many timed iterations of one operation (after a warm-up), summarised as a latency figure should be: median, p99
/// and max, in microseconds. One sample swings 2-3x from run to run under TCG; a median of hundreds does not.
/// </summary>
public sealed class Distribution
{
    private readonly double[] _sorted;

    /// <summary>Takes the samples (microseconds) and sorts a copy.</summary>
    public Distribution(IReadOnlyList<double> samplesUs)
    {
        if (samplesUs is null) { throw new ArgumentNullException(nameof(samplesUs)); }
        if (samplesUs.Count == 0) { throw new ArgumentException("no samples", nameof(samplesUs)); }
        _sorted = samplesUs.ToArray();
        Array.Sort(_sorted);
    }

    /// <summary>Number of samples.</summary>
    public int Count => _sorted.Length;

    /// <summary>The median (the lower middle sample of an even count).</summary>
    public double Median => Percentile(0.50);

    /// <summary>The 99th percentile (nearest rank).</summary>
    public double P99 => Percentile(0.99);

    /// <summary>The smallest sample.</summary>
    public double Min => _sorted[0];

    /// <summary>The largest sample.</summary>
    public double Max => _sorted[_sorted.Length - 1];

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0..1).</summary>
    public double Percentile(double p)
    {
        var rank = (int)Math.Ceiling(p * _sorted.Length) - 1;
        return _sorted[Math.Min(Math.Max(rank, 0), _sorted.Length - 1)];
    }

    /// <summary>
    /// Records <c>NAME.median</c>, <c>NAME.p99</c>, <c>NAME.max</c> (in <paramref name="unit"/>, microseconds unless
    /// scaled) and <c>NAME.samples</c>.
    /// </summary>
    public void Report(CaseContext context, string name, double scale = 1, string unit = "us")
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        context.Measure(name + ".median", Math.Round(Median * scale, 3), unit);
        context.Measure(name + ".p99", Math.Round(P99 * scale, 3), unit);
        context.Measure(name + ".max", Math.Round(Max * scale, 3), unit);
        context.Measure(name + ".samples", Count);
    }

}
