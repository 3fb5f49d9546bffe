namespace Lab.Orchestrator.Core.Boards;

/// <summary>Which device (by discovery selector, see kernel/bind-device.sh) goes to which VFIO driver.</summary>
public sealed record DeviceBindingRequest(string Selector, string Driver)
{
    /// <summary>The virtio-rng transport (virtio device id 4): a platform device, no IOMMU.</summary>
    public static DeviceBindingRequest VirtioRng { get; } = new("virtio-id:4", "vfio-platform");

    /// <summary>The PL031 RTC (PrimeCell periph id 0x00041031): an AMBA device, no IOMMU.</summary>
    public static DeviceBindingRequest Pl031 { get; } = new("amba-id:0x00041031", "vfio-amba");

    /// <summary>QEMU's edu PCI device (1234:11e8), behind the SMMUv3.</summary>
    public static DeviceBindingRequest Edu { get; } = new("pci:1234:11e8", "vfio-pci");

    /// <summary>The three devices of the QEMU arm64 board.</summary>
    public static IReadOnlyList<DeviceBindingRequest> QemuVirtDefaults { get; } = [VirtioRng, Pl031, Edu];
}
