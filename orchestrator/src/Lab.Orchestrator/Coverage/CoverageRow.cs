using Lab.TestCases.Coverage;

namespace Lab.Orchestrator.Coverage;

/// <summary>One row of the matrix: a cell and, per driver, the cases covering it.</summary>
/// <param name="Cell">The ioctl x action cell.</param>
/// <param name="ByDriver">Per driver column, the covering cases and their last status.</param>
internal sealed record CoverageRow(CoverageCell Cell, IReadOnlyDictionary<string, IReadOnlyList<CoveringCase>> ByDriver)
{
    /// <summary>Drivers where no case covers the cell, or every covering case only skipped or never ran.</summary>
    public IEnumerable<string> UncoveredDrivers =>
        ByDriver.Where(kv => !kv.Value.Any(c => c.Status is not null and not Lab.Orchestrator.Core.Results.TestStatus.Skip)).Select(kv => kv.Key);
}
