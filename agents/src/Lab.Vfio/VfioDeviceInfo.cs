using Lab.Vfio.Interop;

namespace Lab.Vfio;

/// <summary>The answer of <c>VFIO_DEVICE_GET_INFO</c>, capabilities walked.</summary>
/// <param name="Flags"><c>VFIO_DEVICE_FLAGS_*</c>.</param>
/// <param name="NumRegions">Max region index + 1.</param>
/// <param name="NumIrqs">Max IRQ index + 1.</param>
/// <param name="Capabilities">The capability chain (<c>VFIO_DEVICE_INFO_CAP_*</c>).</param>
public sealed record VfioDeviceInfo(uint Flags, uint NumRegions, uint NumIrqs, IReadOnlyList<VfioCapability> Capabilities)
{
    /// <summary><c>VFIO_DEVICE_FLAGS_RESET</c>.</summary>
    public bool SupportsReset => (Flags & VfioConstants.VFIO_DEVICE_FLAGS_RESET) != 0;

    /// <summary><c>VFIO_DEVICE_FLAGS_PCI</c>.</summary>
    public bool IsPci => (Flags & VfioConstants.VFIO_DEVICE_FLAGS_PCI) != 0;

    /// <summary><c>VFIO_DEVICE_FLAGS_PLATFORM</c>.</summary>
    public bool IsPlatform => (Flags & VfioConstants.VFIO_DEVICE_FLAGS_PLATFORM) != 0;

    /// <summary><c>VFIO_DEVICE_FLAGS_AMBA</c>.</summary>
    public bool IsAmba => (Flags & VfioConstants.VFIO_DEVICE_FLAGS_AMBA) != 0;
}
