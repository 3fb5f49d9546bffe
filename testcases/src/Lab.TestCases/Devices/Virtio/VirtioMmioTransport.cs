using Lab.Vfio;

namespace Lab.TestCases.Devices.Virtio;

/// <summary>
/// The legacy virtio-mmio registers of a VFIO platform device's region 0. The region is 0x200 bytes and not
/// mmap-able (not page sized), so every access is a 4-byte pread/pwrite on the device fd.
/// </summary>
public sealed class VirtioMmioTransport
{
    /// <summary>Device id of a block device.</summary>
    public const uint BlockDevice = 2;

    /// <summary>Device id of an entropy source.</summary>
    public const uint EntropyDevice = 4;

    private readonly VfioRegion _region;

    /// <summary>Wraps <paramref name="region"/>.</summary>
    public VirtioMmioTransport(VfioRegion region) => _region = region ?? throw new ArgumentNullException(nameof(region));

    /// <summary>The VFIO region.</summary>
    public VfioRegion Region => _region;

    /// <summary>Reads a 32-bit register.</summary>
    public uint Read(ulong register) => _region.Read32(register);

    /// <summary>Writes a 32-bit register.</summary>
    public void Write(ulong register, uint value) => _region.Write32(register, value);

    /// <summary>Reads a 32-bit word of the device config space at <paramref name="offset"/>.</summary>
    public uint ReadConfig32(ulong offset) => _region.Read32(VirtioMmioRegisters.Config + offset);

    /// <summary>Why this region is not a legacy virtio-mmio device with a device behind it, or null when it is.</summary>
    public string? Probe()
    {
        if (_region.Info.Size < VirtioMmioRegisters.Config) { return $"region 0 is 0x{_region.Info.Size:x} bytes: too small for virtio-mmio registers"; }
        var magic = Read(VirtioMmioRegisters.MagicValue);
        if (magic != VirtioMmioRegisters.MagicValueExpected) { return $"region 0 offset 0x0 reads 0x{magic:x8}, not the virtio-mmio magic 0x{VirtioMmioRegisters.MagicValueExpected:x8}"; }
        var version = Read(VirtioMmioRegisters.Version);
        if (version != 1) { return $"virtio-mmio Version register (0x004) reads {version}: this driver speaks only the legacy transport (version 1)"; }
        var id = Read(VirtioMmioRegisters.DeviceId);
        return id == 0 ? "virtio-mmio DeviceID (0x008) is 0: no device behind the transport" : null;
    }

    /// <summary>Writes Status 0 (device reset) and returns what Status reads back (0 once the reset is done).</summary>
    public uint Reset()
    {
        Write(VirtioMmioRegisters.Status, 0);
        return Read(VirtioMmioRegisters.Status);
    }

    /// <summary>ORs <paramref name="bits"/> into the device status.</summary>
    public void AddStatus(uint bits) => Write(VirtioMmioRegisters.Status, Read(VirtioMmioRegisters.Status) | bits);

    /// <summary>The device's feature bits 0-31.</summary>
    public uint HostFeatures()
    {
        Write(VirtioMmioRegisters.HostFeaturesSel, 0);
        return Read(VirtioMmioRegisters.HostFeatures);
    }

    /// <summary>Accepts feature bits 0-31 (legacy: the high word, e.g. VERSION_1, stays 0).</summary>
    public void SetGuestFeatures(uint features)
    {
        Write(VirtioMmioRegisters.GuestFeaturesSel, 0);
        Write(VirtioMmioRegisters.GuestFeatures, features);
        Write(VirtioMmioRegisters.GuestFeaturesSel, 1);
        Write(VirtioMmioRegisters.GuestFeatures, 0);
    }

    /// <summary>Interrupt status bits (reading does not clear them).</summary>
    public uint InterruptStatus() => Read(VirtioMmioRegisters.InterruptStatus);

    /// <summary>Acknowledges <paramref name="bits"/> of the interrupt status.</summary>
    public void AckInterrupt(uint bits) => Write(VirtioMmioRegisters.InterruptAck, bits);

    /// <summary>Tells the device queue <paramref name="queue"/> has new avail entries.</summary>
    public void Notify(uint queue) => Write(VirtioMmioRegisters.QueueNotify, queue);
}
