using Lab.TestCases.Model;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Cases;

/// <summary><c>VFIO_DEVICE_GET_INFO</c>: exactly one bus flag, at least one region, a well-formed capability chain.</summary>
public sealed class DeviceInfoCase : IVfioCase
{
    private const uint BusFlags = VfioConstants.VFIO_DEVICE_FLAGS_PCI | VfioConstants.VFIO_DEVICE_FLAGS_PLATFORM |
        VfioConstants.VFIO_DEVICE_FLAGS_AMBA | VfioConstants.VFIO_DEVICE_FLAGS_CCW | VfioConstants.VFIO_DEVICE_FLAGS_AP |
        VfioConstants.VFIO_DEVICE_FLAGS_FSL_MC | VfioConstants.VFIO_DEVICE_FLAGS_CDX;

    /// <inheritdoc/>
    public string Id => "vfio.common.device.info";

    /// <inheritdoc/>
    public string Description => "VFIO_DEVICE_GET_INFO reports one bus type, regions, IRQs and a walkable capability chain";

    /// <inheritdoc/>
    public Requirements Requirements => Requirements.Device;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var info = context.Device!.GetInfo();
        context.Measure("vfio.device.flags", info.Flags);
        context.Measure("vfio.device.num_regions", info.NumRegions);
        context.Measure("vfio.device.num_irqs", info.NumIrqs);
        context.Measure("vfio.device.capabilities", info.Capabilities.Count);
        var bus = info.Flags & BusFlags;
        if (bus == 0 || (bus & (bus - 1)) != 0)
        {
            return CaseOutcome.Fail($"VFIO_DEVICE_GET_INFO flags 0x{info.Flags:x}: expected exactly one bus flag");
        }

        return info.NumRegions == 0
            ? CaseOutcome.Fail("VFIO_DEVICE_GET_INFO num_regions 0: a device without regions cannot be driven")
            : CaseOutcome.Pass();
    }
}
