using System.Globalization;
using System.Text;
using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Bench;

/// <summary>
/// The figures of a bench: for each row, the value each side gave in each round, then the table (median [min-max]
/// per side, agent/reference of the medians) and the results that store it.
/// </summary>
public sealed class BenchFigures
{
    private readonly Dictionary<string, (BenchStat Stat, List<double> Reference, List<double> Agent, List<string> Problems)> _rows = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Takes one run's output: every line <c>METRIC STAT VALUE [UNIT]</c> that one of the item's rows asks for.</summary>
    public void Add(BenchItem item, BenchSide side, string stdout)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(stdout);
        var values = Parse(stdout);
        foreach (var stat in item.Stats)
        {
            var row = Row(stat);
            if (values.TryGetValue(stat.Stat, out var value) && value >= 0)
            {
                (side == BenchSide.Agent ? row.Agent : row.Reference).Add(value);
            }
            else
            {
                row.Problems.Add($"{side}: no '{stat.Stat}' line in its output");
            }
        }
    }

    /// <summary>A run that failed: recorded against every row of the item.</summary>
    public void Fail(BenchItem item, BenchSide side, string why)
    {
        ArgumentNullException.ThrowIfNull(item);
        foreach (var stat in item.Stats)
        {
            Row(stat).Problems.Add($"{(side == BenchSide.Agent ? "agent" : "reference")}: {why}");
        }
    }

    /// <summary>The rows in the order they were first seen.</summary>
    public IReadOnlyList<BenchRow> Rows => _order.Select(name =>
    {
        var (stat, reference, agent, problems) = _rows[name];
        return new BenchRow(stat, BenchSummary.Of(reference), BenchSummary.Of(agent), problems.Distinct(StringComparer.Ordinal).ToList());
    }).ToList();

    /// <summary>The table: row, reference median [min-max], agent median [min-max], agent/reference.</summary>
    public string Table()
    {
        var rows = Rows;
        var text = new StringBuilder();
        const string Format = "{0,-24} {1,-6} {2,28} {3,28} {4,8} {5,8}";
        text.AppendLine(string.Format(CultureInfo.InvariantCulture, Format, "metric", "unit", "C median [min-max]", "agent median [min-max]", "agent/C", "best"));
        foreach (var row in rows)
        {
            text.AppendLine(string.Format(
                CultureInfo.InvariantCulture, Format,
                row.Stat.Row, row.Stat.Unit, row.Reference?.ToString() ?? "-", row.Agent?.ToString() ?? "-", Two(row.Ratio), Two(row.BestRatio)));
        }

        text.AppendLine();
        text.AppendLine("Each round runs every loop once as C and once as the agent (the order alternating); the figures are the rounds' values.");
        text.AppendLine("agent/C: of the medians; best: of each side's best round (lowest time, highest rate), the board in its quickest state.");
        foreach (var row in rows)
        {
            text.AppendLine($"{row.Stat.Row}: {row.Stat.What}{(row.Stat.HigherIsBetter ? " (higher is better)" : string.Empty)}"
                + (row.Problems.Count > 0 ? " -- " + string.Join("; ", row.Problems) : string.Empty));
        }

        return text.ToString();
    }

    /// <summary>One result per row, <c>lab.bench.ROW</c>: PASS with the figures as measurements, ERROR when a side gave none.</summary>
    public IReadOnlyList<TestResultRecord> Results(string runId, string boardId, DateTimeOffset at)
    {
        return Rows.Select(row =>
        {
            List<Measurement> m = [];
            void Add(string side, BenchSummary? s)
            {
                if (s is null) { return; }
                m.Add(new Measurement(side + ".median", s.Median, row.Stat.Unit));
                m.Add(new Measurement(side + ".min", s.Min, row.Stat.Unit));
                m.Add(new Measurement(side + ".max", s.Max, row.Stat.Unit));
            }

            Add("c", row.Reference);
            Add("agent", row.Agent);
            if (row.Ratio is { } ratio) { m.Add(new Measurement("agent_over_c", Math.Round(ratio, 3), string.Empty)); }
            if (row.BestRatio is { } best) { m.Add(new Measurement("agent_over_c_best", Math.Round(best, 3), string.Empty)); }
            var ok = row.Reference is not null && row.Agent is not null;
            return new TestResultRecord(runId, boardId, "lab.bench." + row.Stat.Row, ok ? TestStatus.Pass : TestStatus.Error, TimeSpan.Zero, at,
                Reason: row.Problems.Count > 0 ? string.Join("; ", row.Problems) : null, Measurements: m);
        }).ToList();
    }

    private static string Two(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private (BenchStat Stat, List<double> Reference, List<double> Agent, List<string> Problems) Row(BenchStat stat)
    {
        if (!_rows.TryGetValue(stat.Row, out var row))
        {
            row = (stat, [], [], []);
            _rows[stat.Row] = row;
            _order.Add(stat.Row);
        }

        return row;
    }

    /// <summary>Parses <c>METRIC STAT VALUE [UNIT]</c> lines; other lines (KTAP, text) are ignored.</summary>
    public static IReadOnlyDictionary<string, double> Parse(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in stdout.Split('\n'))
        {
            var parts = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 3 or 4 && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                values[parts[0] + " " + parts[1]] = value;
            }
        }

        return values;
    }
}
