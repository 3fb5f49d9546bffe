using System.Diagnostics;
using Lab.TestCases.Model;
using Lab.TestCases.Devices.Virtio;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// virtio-blk DMA both ways at physical addresses (no IOMMU): a seeded pattern goes to a fixed 64 KiB area of the disk
/// with VIRTIO_BLK_T_OUT in requests of several sizes and alignments (some crossing page boundaries, so spanning
/// several descriptors), FLUSH if offered, then comes back with T_IN in 16 KiB requests into a cleared buffer and is
/// compared byte for byte; every status byte must be VIRTIO_BLK_S_OK.
/// </summary>
/// <remarks>
/// Contract with the orchestrator's host-side check of the backing file (measurements recorded once the writes and
/// the flush succeeded): <c>virtio_blk.seed</c>, <c>virtio_blk.offset</c> (disk byte offset of the area) and
/// <c>virtio_blk.bytes</c> (its length). The disk byte at offset X in the area is
/// <c>SeededPattern.At(seed, X - offset)</c>: pattern offset 0 is the area's first byte.
/// </remarks>
public sealed class VirtioBlkDmaCase : IVfioCase
{
    /// <summary>The case id (the orchestrator looks for its result to check the backing file).</summary>
    public const string CaseId = "vfio.platform.dma.virtio_blk";

    /// <summary>The measurement naming the pattern's seed.</summary>
    public const string SeedMeasurement = "virtio_blk.seed";

    /// <summary>The measurement naming the disk byte offset of the pattern area.</summary>
    public const string OffsetMeasurement = "virtio_blk.offset";

    /// <summary>The measurement naming the length of the pattern area.</summary>
    public const string BytesMeasurement = "virtio_blk.bytes";

    /// <summary>Disk byte offset of the pattern area.</summary>
    public const long AreaOffset = 1 << 20;

    /// <summary>Length of the pattern area.</summary>
    public const int AreaBytes = 65536;

    private const int ReadSize = 16384;
    private static readonly int[] WriteSizes = [512, 3584, 4096, 512, 7680, 16384, 32768];
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan IrqGrace = TimeSpan.FromSeconds(1);

    /// <inheritdoc/>
    public string Id => CaseId;

    /// <inheritdoc/>
    public string Description => "virtio-blk writes a seeded pattern to disk bytes [1 MiB, 1 MiB + 64 KiB) in 7 requests of 512 B-32 KiB, flushes, reads it back in 16 KiB requests: byte-exact, every status OK; the host checks the backing file";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.DeviceOf("platform", CaseFeature.Irq | CaseFeature.NoIommu | CaseFeature.Root) with { AnyDeviceFeature = new[] { "virtio-block" } };

    /// <summary>A seed below 2^31 from the clock (exact as a double measurement).</summary>
    public static uint ClockSeed() => (uint)(DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond % int.MaxValue);

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var reason = VirtioBlk.TryOpen(context, out var blk);
        if (reason is not null) { return CaseOutcome.Skip(reason); }
        using (blk)
        using (var data = DmaBuffer.Allocate(AreaBytes, context.Syscalls))
        {
            if (blk!.ReadOnly) { return CaseOutcome.Skip("virtio-blk offers VIRTIO_BLK_F_RO (feature bit 5): the disk is read-only"); }
            var capacity = blk.CapacitySectors;
            const long needed = (AreaOffset + AreaBytes) / VirtioBlk.SectorSize;
            if (capacity < needed) { return CaseOutcome.Skip($"virtio-blk capacity {capacity} sectors (config 0x100); the pattern area needs {needed}"); }
            context.Note(ConfigByteAccess(blk.Driver.Transport));
            context.Note($"capacity {capacity} sectors, host features 0x{blk.Driver.HostFeatures:x8}, accepted 0x{blk.Driver.GuestFeatures:x8}, queue size {blk.Driver.Ring.Layout.QueueSize} (QueueNumMax {blk.Driver.QueueNumMax})");
            var pages = data.GetPhysicalAddresses();
            var seed = ClockSeed();
            SeededPattern.Fill(data.Span, seed, 0);

            var sw = Stopwatch.StartNew();
            var offset = 0;
            foreach (var size in WriteSizes)
            {
                var failure = Request(blk, VirtioBlk.TypeOut, offset, DmaSegments.Of(pages, data.PageSize, offset, size, deviceWrites: false), expectedLength: 1);
                if (failure is not null) { return CaseOutcome.Fail(failure); }
                offset += size;
            }

            if (blk.CanFlush)
            {
                var failure = Request(blk, VirtioBlk.TypeFlush, -1, [], expectedLength: 1);
                if (failure is not null) { return CaseOutcome.Fail(failure); }
            }
            else
            {
                context.Note("VIRTIO_BLK_F_FLUSH not offered: no flush (the cache is write-through)");
            }

            var writeTime = sw.Elapsed;
            context.Measure(SeedMeasurement, seed);
            context.Measure(OffsetMeasurement, AreaOffset, "bytes");
            context.Measure(BytesMeasurement, AreaBytes, "bytes");

            data.Span.Clear();
            sw.Restart();
            for (var at = 0; at < AreaBytes; at += ReadSize)
            {
                var failure = Request(blk, VirtioBlk.TypeIn, at, DmaSegments.Of(pages, data.PageSize, at, ReadSize, deviceWrites: true), expectedLength: ReadSize + 1);
                if (failure is not null) { return CaseOutcome.Fail(failure); }
            }

            var readTime = sw.Elapsed;
            var bad = SeededPattern.FirstMismatch(data.Span, seed, 0);
            if (bad >= 0)
            {
                return CaseOutcome.Fail($"read back (T_IN) of disk [0x{AreaOffset:x}, +0x{AreaBytes:x}) seed {seed}: byte at disk offset 0x{AreaOffset + bad:x} is 0x{data.Span[bad]:x2}, expected 0x{SeededPattern.At(seed, bad):x2}");
            }

            context.Measure("virtio_blk.write_mb_per_s", Math.Round(AreaBytes / writeTime.TotalSeconds / 1e6, 4), "MB/s");
            context.Measure("virtio_blk.read_mb_per_s", Math.Round(AreaBytes / readTime.TotalSeconds / 1e6, 4), "MB/s");
            return CaseOutcome.Pass();
        }
    }

    /// <summary>
    /// Whether the legacy config space answers 1-byte reads (the registers below 0x100 do not on QEMU): the 8 bytes of
    /// capacity read one by one against the two 4-byte words.
    /// </summary>
    private static string ConfigByteAccess(VirtioMmioTransport t)
    {
        var words = (ulong)t.ReadConfig32(0) | ((ulong)t.ReadConfig32(4) << 32);
        var bytes = 0UL;
        for (var i = 0; i < 8; i++) { bytes |= (ulong)t.Region.Read8(VirtioMmioRegisters.Config + (ulong)i) << (8 * i); }
        return bytes == words
            ? $"config space 0x100-0x107 read byte by byte = 0x{bytes:x16}, equal to the 4-byte reads: legacy config is byte-accessible"
            : $"config space 0x100-0x107 read byte by byte = 0x{bytes:x16}, 4-byte reads = 0x{words:x16}: 1-byte config reads are NOT answered";
    }

    /// <summary>One request at area offset <paramref name="areaOffset"/> (-1: none, for FLUSH); the failure text or null.</summary>
    private static string? Request(VirtioBlk blk, uint type, int areaOffset, IReadOnlyList<VirtqSegment> data, uint expectedLength)
    {
        var sector = areaOffset < 0 ? 0UL : (ulong)((AreaOffset + areaOffset) / VirtioBlk.SectorSize);
        var bytes = data.Sum(s => (long)s.Length);
        var name = type switch { VirtioBlk.TypeIn => "T_IN", VirtioBlk.TypeOut => "T_OUT", _ => "T_FLUSH" };
        var where = $"virtio-blk {name} sector {sector} ({bytes} bytes, {data.Count} data descriptor(s))";
        var c = blk.Run(type, sector, data, CompletionTimeout, IrqGrace, out var status);
        if (!c.Used) { return $"{where}: no used element within {CompletionTimeout.TotalSeconds} s (used idx {blk.Driver.UsedIdx()}, InterruptStatus 0x{c.InterruptStatus:x})"; }
        if (!c.Irq) { return $"{where}: completed but its IRQ did not arrive within {IrqGrace.TotalSeconds} s (InterruptStatus 0x{c.InterruptStatus:x})"; }
        if (status != VirtioBlk.StatusOk) { return $"{where}: status byte 0x{status:x2}, expected VIRTIO_BLK_S_OK (0)"; }
        return c.Length == expectedLength ? null : $"{where}: used len {c.Length}, expected {expectedLength} (data written by the device + status byte)";
    }
}
