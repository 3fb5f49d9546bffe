using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Pipeline;
using Lab.TestCases;
using Lab.TestCases.Model;

namespace Lab.Orchestrator.Run;

/// <summary>
/// Plans a device's cases from the catalog: the cases whose id matches the patterns and whose driver, IOMMU mode
/// and device features fit the device (<see cref="Requirements.NotApplicable"/>). The others are never sent to the
/// agent, so a run stores no SKIP for a case that could not apply; a SKIP stays for a reason found on the board.
/// </summary>
internal sealed class CatalogPlanner : ICasePlanner
{
    /// <inheritdoc />
    public DevicePlan Plan(BoardConfig board, DeviceConfig device, IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(patterns);
        var driver = device.Driver switch
        {
            VfioDriver.VfioAmba => "amba",
            VfioDriver.VfioPci => "pci",
            _ => "platform",
        };
        var iommu = device.Iommu == Core.Config.IommuMode.Type1 ? TestCases.Model.IommuMode.Type1 : TestCases.Model.IommuMode.NoIommu;
        var features = device.Features.ToHashSet(StringComparer.Ordinal);
        var pattern = string.Join(',', patterns);
        List<string> cases = [];
        List<string> stress = [];
        List<(string, string)> left = [];
        foreach (var c in Catalog.All.Where(c => patterns.Count == 0 || CaseIds.Matches(c.Id, pattern)))
        {
            if (c.Requirements.NotApplicable(driver, iommu, features) is { } why)
            {
                left.Add((c.Id, why));
            }
            else if (CaseIds.Area(c.Id) == CaseSelection.StressArea)
            {
                stress.Add(c.Id);
            }
            else
            {
                cases.Add(c.Id);
            }
        }

        return new DevicePlan(device.Name, cases, stress, left);
    }
}
