using Lab.Orchestrator.Core.Config;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>Which catalog cases a device can take (driver, IOMMU mode, device features), decided without a board.</summary>
public interface ICasePlanner
{
    /// <summary>The plan for one device: the cases matching <paramref name="patterns"/> that apply to it, and why the others do not.</summary>
    DevicePlan Plan(BoardConfig board, DeviceConfig device, IReadOnlyList<string> patterns);
}
