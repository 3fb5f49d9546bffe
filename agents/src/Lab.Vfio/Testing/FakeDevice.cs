namespace Lab.Vfio.Testing;

/// <summary>A device the fake kernel serves: flags, regions, IRQs and an optional capability chain.</summary>
public sealed class FakeDevice
{
    /// <summary><c>VFIO_DEVICE_FLAGS_*</c>.</summary>
    public uint Flags { get; set; }

    /// <summary>Regions by index.</summary>
    public List<FakeRegion> Regions { get; } = [];

    /// <summary>IRQ indexes: flags and count.</summary>
    public List<(uint Flags, uint Count)> Irqs { get; } = [];

    /// <summary>Device-info capabilities (id, version, payload after the 8-byte header).</summary>
    public List<FakeCapability> Capabilities { get; } = [];

    /// <summary>
    /// The kernel's <c>sizeof(struct vfio_device_info)</c>: 20 on 6.1, 24 from 6.5, 16 before 4.x caps. Caps
    /// are placed after it.
    /// </summary>
    public int KernelInfoSize { get; set; } = 20;

    /// <summary>How many <c>VFIO_DEVICE_RESET</c>s succeeded.</summary>
    public int Resets { get; set; }

    /// <summary>
    /// What <c>VFIO_DEVICE_GET_PCI_HOT_RESET_INFO</c> answers: the dependent devices, or null for a device that does not
    /// know the ioctl (ENOTTY, as vfio-platform).
    /// </summary>
    public List<VfioPciDependentDevice>? HotResetDependents { get; set; }
}
