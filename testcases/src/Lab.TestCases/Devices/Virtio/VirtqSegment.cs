namespace Lab.TestCases.Devices.Virtio;

/// <summary>One descriptor's worth of a buffer: a physical address, a length, and who writes it.</summary>
/// <param name="Address">Guest-physical address (no IOMMU: the device sees physical memory).</param>
/// <param name="Length">Bytes.</param>
/// <param name="DeviceWrites">True for a buffer the device fills (VIRTQ_DESC_F_WRITE).</param>
public readonly record struct VirtqSegment(ulong Address, uint Length, bool DeviceWrites);
