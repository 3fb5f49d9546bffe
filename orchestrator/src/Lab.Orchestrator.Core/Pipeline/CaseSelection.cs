using System.Globalization;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>
/// Which cases one agent invocation runs: the planned case ids (or patterns), optionally narrowed to one area. A
/// board runs its cases in two passes: everything but <see cref="StressArea"/> on all devices at once, then the stress
/// cases of all devices at the same time (their time comes on top of the case timeout).
/// </summary>
/// <param name="Patterns">Case id patterns (empty: all).</param>
public sealed record CaseSelection(IReadOnlyList<string> Patterns)
{
    /// <summary>The area of the cases that load the devices for a while (<c>vfio.*.stress.*</c>).</summary>
    public const string StressArea = "stress";

    /// <summary>Only cases of this area.</summary>
    public string? Area { get; init; }

    /// <summary>True when the patterns are exact case ids (a plan), in the order the agent runs them.</summary>
    public bool IsExact => Patterns.All(p => !p.Contains('*', StringComparison.Ordinal) && !p.Contains(',', StringComparison.Ordinal));

    /// <summary>How long each stress case loops; null leaves the agent's default.</summary>
    public int? StressSeconds { get; init; }

    /// <summary>The agent's arguments for this selection (after <c>run --device --group --iommu</c>).</summary>
    public IReadOnlyList<string> AgentArguments()
    {
        List<string> argv = [];
        if (Patterns.Count > 0)
        {
            // The agent takes one --cases value; a comma separates patterns (Lab.TestCases CaseIds.Matches).
            argv.AddRange(["--cases", string.Join(',', Patterns)]);
        }

        if (Area is not null)
        {
            argv.AddRange(["--area", Area]);
        }

        if (StressSeconds is { } seconds)
        {
            argv.AddRange(["--stress-seconds", seconds.ToString(CultureInfo.InvariantCulture)]);
        }

        return argv;
    }
}
