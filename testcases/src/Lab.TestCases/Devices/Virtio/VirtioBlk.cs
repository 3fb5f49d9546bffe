using System.Buffers.Binary;
using Lab.Vfio;

namespace Lab.TestCases.Devices.Virtio;

/// <summary>
/// virtio-blk requests (virtio spec 1.0, 5.2.6) over a <see cref="VirtioDriver"/>: a 16-byte header the device reads
/// (type, reserved, sector), the data, and a status byte the device writes, each in its own descriptor (legacy,
/// no ANY_LAYOUT). Header and status live in one locked control page.
/// </summary>
public sealed class VirtioBlk : IDisposable
{
    /// <summary>VIRTIO_BLK_T_IN: read sectors.</summary>
    public const uint TypeIn = 0;

    /// <summary>VIRTIO_BLK_T_OUT: write sectors.</summary>
    public const uint TypeOut = 1;

    /// <summary>VIRTIO_BLK_T_FLUSH.</summary>
    public const uint TypeFlush = 4;

    /// <summary>VIRTIO_BLK_F_RO (bit 5): the disk is read-only.</summary>
    public const uint FeatureReadOnly = 1u << 5;

    /// <summary>VIRTIO_BLK_F_FLUSH (bit 9): T_FLUSH is there and the cache is write-back.</summary>
    public const uint FeatureFlush = 1u << 9;

    /// <summary>VIRTIO_BLK_S_OK.</summary>
    public const byte StatusOk = 0;

    /// <summary>Sectors are 512 bytes whatever the block size.</summary>
    public const int SectorSize = 512;

    private const int StatusOffset = 64;
    private const byte StatusUnwritten = 0xff;
    private readonly DmaBuffer _control;
    private readonly ulong _controlAddress;

    private VirtioBlk(VirtioDriver driver, DmaBuffer control, ulong controlAddress)
    {
        Driver = driver;
        _control = control;
        _controlAddress = controlAddress;
    }

    /// <summary>The transport driver.</summary>
    public VirtioDriver Driver { get; }

    /// <summary>Disk size in 512-byte sectors (config offset 0, 64 bits, read as two 4-byte words).</summary>
    public ulong CapacitySectors => Driver.Transport.ReadConfig32(0) | ((ulong)Driver.Transport.ReadConfig32(4) << 32);

    /// <summary>The device says the disk is read-only.</summary>
    public bool ReadOnly => (Driver.HostFeatures & FeatureReadOnly) != 0;

    /// <summary>FLUSH was negotiated.</summary>
    public bool CanFlush => (Driver.GuestFeatures & FeatureFlush) != 0;

    /// <summary>Opens a block device (FLUSH accepted if offered); the skip reason when the device is not one.</summary>
    public static string? TryOpen(Model.CaseContext context, out VirtioBlk? blk)
    {
        blk = null;
        var reason = VirtioDriver.TryOpen(context, VirtioMmioTransport.BlockDevice, offered => offered & FeatureFlush, out var driver);
        if (reason is not null) { return reason; }
        DmaBuffer? control = null;
        try
        {
            control = DmaBuffer.Allocate(VirtioDriver.GuestPageSize, context!.Syscalls);
            blk = new VirtioBlk(driver!, control, control.GetPhysicalAddresses()[0]);
            return null;
        }
        catch
        {
            control?.Dispose();
            driver!.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs one request and returns its completion and the status byte (0xff when the device never wrote it).
    /// <paramref name="data"/> must be device-writable for <see cref="TypeIn"/> and device-readable otherwise.
    /// </summary>
    public VirtioCompletion Run(uint type, ulong sector, IReadOnlyList<VirtqSegment> data, TimeSpan completionTimeout, TimeSpan irqGrace, out byte status)
    {
        if (data is null) { throw new ArgumentNullException(nameof(data)); }
        var c = _control.Span;
        BinaryPrimitives.WriteUInt32LittleEndian(c, type);
        BinaryPrimitives.WriteUInt32LittleEndian(c.Slice(4), 0);
        BinaryPrimitives.WriteUInt64LittleEndian(c.Slice(8), sector);
        c[StatusOffset] = StatusUnwritten;
        var chain = new List<VirtqSegment>(data.Count + 2) { new(_controlAddress, 16, false) };
        chain.AddRange(data);
        chain.Add(new VirtqSegment(_controlAddress + StatusOffset, 1, true));
        Driver.Submit(chain);
        var completion = Driver.WaitCompletion(completionTimeout, irqGrace);
        status = _control.Span[StatusOffset];
        return completion;
    }

    /// <summary>Resets the device, then frees the control page.</summary>
    public void Dispose()
    {
        Driver.Dispose();
        _control.Dispose();
    }
}
