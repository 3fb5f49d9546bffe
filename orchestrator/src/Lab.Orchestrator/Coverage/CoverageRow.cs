using Lab.Orchestrator.Core.Results;
using Lab.TestCases.Coverage;

namespace Lab.Orchestrator.Coverage;

/// <summary>One row of the matrix: a cell and, per driver, the cases covering it.</summary>
/// <param name="Cell">The ioctl x action cell.</param>
/// <param name="ByDriver">Per driver column, the covering cases and their last status.</param>
internal sealed record CoverageRow(CoverageCell Cell, IReadOnlyDictionary<string, IReadOnlyList<CoveringCase>> ByDriver)
{
    /// <summary>Per driver, why the cell cannot apply there on this lab (<see cref="CoverageNotApplicable"/>); absent when it can.</summary>
    public IReadOnlyDictionary<string, string> NotApplicable { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Drivers where the cell applies but no case covers it, or every covering case only skipped or never ran.
    /// Not-applicable drivers are never gaps.
    /// </summary>
    public IEnumerable<string> UncoveredDrivers =>
        ByDriver.Where(kv => !NotApplicable.ContainsKey(kv.Key) && !Ran(kv.Value)).Select(kv => kv.Key);

    /// <summary>Whether a covering case has a result other than SKIP on that driver.</summary>
    public static bool Ran(IReadOnlyList<CoveringCase> cases) =>
        cases is not null && cases.Any(c => c.Status is not null and not TestStatus.Skip);
}
