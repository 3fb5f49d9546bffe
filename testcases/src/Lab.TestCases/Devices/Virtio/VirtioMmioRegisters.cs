namespace Lab.TestCases.Devices.Virtio;

/// <summary>
/// Register offsets of the LEGACY (version 1) virtio-mmio transport (virtio spec 1.0, section 4.2.4), the one QEMU 7.2's
/// <c>virt</c> board gives by default. NOTE: QEMU's virtio-mmio answers 0 to 1- and 2-byte accesses of these registers;
/// every access is 4 bytes wide. The device config space from <see cref="Config"/> on takes 1, 2 and 4 bytes (legacy).
/// </summary>
public static class VirtioMmioRegisters
{
    /// <summary>"virt" as a little-endian 32-bit value.</summary>
    public const uint MagicValueExpected = 0x74726976;

    /// <summary>Magic value, reads <see cref="MagicValueExpected"/>.</summary>
    public const ulong MagicValue = 0x000;

    /// <summary>Transport version: 1 legacy, 2 modern.</summary>
    public const ulong Version = 0x004;

    /// <summary>Virtio device id (2 block, 4 entropy; 0 no device behind the transport).</summary>
    public const ulong DeviceId = 0x008;

    /// <summary>Vendor id.</summary>
    public const ulong VendorId = 0x00c;

    /// <summary>Device features, the 32-bit word chosen by <see cref="HostFeaturesSel"/>.</summary>
    public const ulong HostFeatures = 0x010;

    /// <summary>Selects the device feature word.</summary>
    public const ulong HostFeaturesSel = 0x014;

    /// <summary>Driver (accepted) features, the word chosen by <see cref="GuestFeaturesSel"/>.</summary>
    public const ulong GuestFeatures = 0x020;

    /// <summary>Selects the driver feature word.</summary>
    public const ulong GuestFeaturesSel = 0x024;

    /// <summary>The page size QueuePFN counts in (legacy only).</summary>
    public const ulong GuestPageSize = 0x028;

    /// <summary>Selects the queue the queue registers act on.</summary>
    public const ulong QueueSel = 0x030;

    /// <summary>Largest queue size the device takes.</summary>
    public const ulong QueueNumMax = 0x034;

    /// <summary>Queue size the driver chose.</summary>
    public const ulong QueueNum = 0x038;

    /// <summary>Alignment of the used ring in bytes (legacy only; QEMU's virtio-mmio honours any value).</summary>
    public const ulong QueueAlign = 0x03c;

    /// <summary>Physical page number of the ring (legacy only); 0 means no queue.</summary>
    public const ulong QueuePfn = 0x040;

    /// <summary>Write a queue index to tell the device the avail ring moved.</summary>
    public const ulong QueueNotify = 0x050;

    /// <summary>Bit 0 used buffer, bit 1 configuration change.</summary>
    public const ulong InterruptStatus = 0x060;

    /// <summary>Write the bits of <see cref="InterruptStatus"/> handled.</summary>
    public const ulong InterruptAck = 0x064;

    /// <summary>Device status; writing 0 resets the device.</summary>
    public const ulong Status = 0x070;

    /// <summary>Start of the device-specific config space.</summary>
    public const ulong Config = 0x100;
}
