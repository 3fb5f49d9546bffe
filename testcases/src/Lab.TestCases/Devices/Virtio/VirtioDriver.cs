using System.Diagnostics;
using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Devices.Virtio;

/// <summary>
/// A user-space driver for one legacy virtio-mmio device behind vfio-platform (no IOMMU): resets the device,
/// negotiates features, sets up queue 0 in one locked page, binds the edge IRQ (index 0) to an eventfd, and runs one
/// request at a time. Dispose resets the device (so no DMA lands after the memory is freed) and frees everything, so
/// cases stay independent.
/// </summary>
/// <remarks>
/// Ring placement: a legacy ring must be physically contiguous, and pagemap gives no two pages that are adjacent.
/// So the queue size is kept at 16 at most and QueueAlign is set to 64 (legacy lets the driver choose it; QEMU's
/// virtio-mmio has a variable alignment): descriptors, avail and used ring then fit in ONE 4 KiB page (454 bytes
/// for 16 entries). At 64 the used ring lies at the same place whether or not the avail ring's used_event is
/// counted (QEMU does not count it), for every power-of-2 size up to 16.
/// </remarks>
public sealed class VirtioDriver : IDisposable
{
    /// <summary>The used-ring alignment this driver writes to QueueAlign.</summary>
    public const int QueueAlign = 64;

    /// <summary>The largest queue size used (keeps the ring within one page).</summary>
    public const int MaxQueueSize = 16;

    /// <summary>The page size written to GuestPageSize; QueuePFN counts in these.</summary>
    public const int GuestPageSize = 4096;

    private readonly VfioDevice _device;
    private readonly DmaBuffer _ringMemory;
    private readonly Eventfd _eventfd;
    private Stopwatch _sinceNotify = new();
    private bool _disposed;

    private VirtioDriver(VfioDevice device, VirtioMmioTransport transport, DmaBuffer ringMemory, Eventfd eventfd, SplitRing ring, ulong ringAddress)
    {
        _device = device;
        Transport = transport;
        _ringMemory = ringMemory;
        _eventfd = eventfd;
        Ring = ring;
        RingAddress = ringAddress;
    }

    /// <summary>The registers.</summary>
    public VirtioMmioTransport Transport { get; }

    /// <summary>Queue 0's driver state.</summary>
    public SplitRing Ring { get; }

    /// <summary>Physical address of the ring page.</summary>
    public ulong RingAddress { get; }

    /// <summary>The device id.</summary>
    public uint DeviceId { get; private set; }

    /// <summary>Feature bits 0-31 the device offered.</summary>
    public uint HostFeatures { get; private set; }

    /// <summary>Feature bits 0-31 accepted.</summary>
    public uint GuestFeatures { get; private set; }

    /// <summary>QueueNumMax of queue 0.</summary>
    public uint QueueNumMax { get; private set; }

    /// <summary>
    /// Brings the context's device up with the features <paramref name="accept"/> picks from the offered ones.
    /// Returns the skip reason when the device is not a legacy virtio-mmio device of id <paramref name="deviceId"/>
    /// (any id when null); throws on a device that misbehaves.
    /// </summary>
    public static string? TryOpen(CaseContext context, uint? deviceId, Func<uint, uint> accept, out VirtioDriver? driver)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        if (accept is null) { throw new ArgumentNullException(nameof(accept)); }
        driver = null;
        var device = context.Device!;
        var transport = new VirtioMmioTransport(device.OpenRegion(0));
        var reason = transport.Probe();
        if (reason is not null) { return reason; }
        var id = transport.Read(VirtioMmioRegisters.DeviceId);
        if (deviceId is { } want && id != want) { return $"virtio-mmio DeviceID (0x008) is {id}; this case needs device id {want} ({Name(want)})"; }
        if (context.Syscalls.PageSize != GuestPageSize) { return $"page size {context.Syscalls.PageSize}: this driver places the ring in one {GuestPageSize}-byte page"; }

        var ringMemory = DmaBuffer.Allocate(GuestPageSize, context.Syscalls);
        Eventfd? eventfd = null;
        try
        {
            eventfd = Eventfd.Create(context.Syscalls);
            var ringAddress = ringMemory.GetPhysicalAddresses()[0];
            var self = new VirtioDriver(device, transport, ringMemory, eventfd, new SplitRing(Layout(transport)), ringAddress) { DeviceId = id };
            self.Start(accept);
            driver = self;
            return null;
        }
        catch
        {
            // Stop the device before its ring page is freed, and drop the IRQ binding Start may have made.
            transport.Reset();
            device.TrySetIrqsNone(0, VfioIrqAction.Trigger, 0, 0);
            eventfd?.Dispose();
            ringMemory.Dispose();
            throw;
        }
    }

    /// <summary>The device kind's name.</summary>
    public static string Name(uint deviceId) => deviceId switch
    {
        VirtioMmioTransport.BlockDevice => "block",
        VirtioMmioTransport.EntropyDevice => "entropy",
        _ => "device id " + deviceId,
    };

    /// <summary>Posts <paramref name="chain"/> on queue 0 and notifies the device.</summary>
    public void Submit(IReadOnlyList<VirtqSegment> chain)
    {
        Ring.Post(_ringMemory.Span, chain);
        _sinceNotify = Stopwatch.StartNew();
        Transport.Notify(0);
    }

    /// <summary>
    /// Waits for the request posted last: its used element and its IRQ. Gives up on the completion after
    /// <paramref name="completionTimeout"/>; once the used element is there, the IRQ gets <paramref name="irqGrace"/>
    /// more before it counts as lost. Then reads the eventfd count and InterruptStatus and acknowledges the latter.
    /// </summary>
    public VirtioCompletion WaitCompletion(TimeSpan completionTimeout, TimeSpan irqGrace)
    {
        TimeSpan? usedAt = null;
        TimeSpan? irqAt = null;
        uint id = 0;
        uint length = 0;
        var step = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            if (usedAt is null && Ring.TryTakeUsed(_ringMemory.Span, out id, out length)) { usedAt = _sinceNotify.Elapsed; }
            if (usedAt is not null && irqAt is not null) { break; }
            var now = _sinceNotify.Elapsed;
            if (usedAt is null && now > completionTimeout) { break; }
            if (usedAt is not null && now - usedAt.Value > irqGrace) { break; }
            if (irqAt is null)
            {
                if (_eventfd.Wait(step)) { irqAt = _sinceNotify.Elapsed; }
            }
            else
            {
                // The device writes the used ring before it raises the IRQ; look again at once.
                Thread.Yield();
            }
        }

        var count = 0UL;
        if (irqAt is not null) { _eventfd.TryRead(out count); }
        var isr = Transport.InterruptStatus();
        if (isr != 0) { Transport.AckInterrupt(isr); }
        return new VirtioCompletion(usedAt is not null, id, length, irqAt is not null, count, isr, usedAt, irqAt);
    }

    /// <summary>The device's used idx of queue 0 as it is now.</summary>
    public ushort UsedIdx() => Ring.UsedIdx(_ringMemory.Span);

    /// <summary>Whether the eventfd fires within <paramref name="quiet"/> (a second, unexpected IRQ); reads it if so.</summary>
    public bool ExtraIrq(TimeSpan quiet, out ulong count)
    {
        count = 0;
        return _eventfd.Wait(quiet) && _eventfd.TryRead(out count) == 0;
    }

    /// <summary>Resets the device first (no DMA after this), then unbinds the IRQ and frees the ring.</summary>
    public void Dispose()
    {
        if (_disposed) { return; }
        _disposed = true;
        try
        {
            Transport.Reset();
            _device.TrySetIrqsNone(0, VfioIrqAction.Trigger, 0, 0);
        }
        finally
        {
            _eventfd.Dispose();
            _ringMemory.Dispose();
        }
    }

    private static SplitRingLayout Layout(VirtioMmioTransport transport)
    {
        transport.Write(VirtioMmioRegisters.QueueSel, 0);
        var max = transport.Read(VirtioMmioRegisters.QueueNumMax);
        if (max == 0) { throw new InvalidOperationException("virtio-mmio QueueNumMax (0x034) of queue 0 is 0: the device has no queue 0"); }
        var size = 1;
        while (size * 2 <= Math.Min(max, MaxQueueSize)) { size *= 2; }
        var layout = new SplitRingLayout(size, QueueAlign);
        if (layout.TotalSize > GuestPageSize || layout.UsedOffset != layout.QemuUsedOffset)
        {
            throw new InvalidOperationException($"queue size {size} with QueueAlign {QueueAlign}: ring of {layout.TotalSize} bytes, used ring at 0x{layout.UsedOffset:x} (QEMU: 0x{layout.QemuUsedOffset:x})");
        }

        return layout;
    }

    private void Start(Func<uint, uint> accept)
    {
        var t = Transport;
        var after = t.Reset();
        if (after != 0) { throw new InvalidOperationException($"virtio-mmio Status (0x070) reads 0x{after:x} after writing 0 (reset)"); }
        t.AckInterrupt(VirtioStatus.InterruptUsedBuffer | VirtioStatus.InterruptConfigChange);
        t.AddStatus(VirtioStatus.Acknowledge);
        t.AddStatus(VirtioStatus.Driver);
        HostFeatures = t.HostFeatures();
        GuestFeatures = accept(HostFeatures) & HostFeatures;
        t.SetGuestFeatures(GuestFeatures);
        t.Write(VirtioMmioRegisters.GuestPageSize, GuestPageSize);

        t.Write(VirtioMmioRegisters.QueueSel, 0);
        QueueNumMax = t.Read(VirtioMmioRegisters.QueueNumMax);
        var pfn = t.Read(VirtioMmioRegisters.QueuePfn);
        if (pfn != 0) { throw new InvalidOperationException($"virtio-mmio QueuePFN (0x040) of queue 0 reads 0x{pfn:x} after reset, expected 0"); }
        if (RingAddress / GuestPageSize > uint.MaxValue) { throw new InvalidOperationException($"ring at physical 0x{RingAddress:x}: its page number does not fit QueuePFN (32 bits)"); }
        Ring.Clear(_ringMemory.Span);
        t.Write(VirtioMmioRegisters.QueueNum, (uint)Ring.Layout.QueueSize);
        t.Write(VirtioMmioRegisters.QueueAlign, (uint)Ring.Layout.Align);
        t.Write(VirtioMmioRegisters.QueuePfn, (uint)(RingAddress / GuestPageSize));
        pfn = t.Read(VirtioMmioRegisters.QueuePfn);
        if (pfn != RingAddress / GuestPageSize) { throw new InvalidOperationException($"virtio-mmio QueuePFN (0x040) reads 0x{pfn:x} after writing 0x{RingAddress / GuestPageSize:x}"); }

        _device.SetIrqsEventfd(0, VfioIrqAction.Trigger, 0, [_eventfd]);
        t.AddStatus(VirtioStatus.DriverOk);
        var status = t.Read(VirtioMmioRegisters.Status);
        if ((status & (VirtioStatus.Failed | VirtioStatus.NeedsReset)) != 0) { throw new InvalidOperationException($"virtio-mmio Status (0x070) reads 0x{status:x} after DRIVER_OK"); }
    }
}
