using System.Diagnostics;
using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// A real device DMA through the SMMUv3: QEMU's edu copies RAM -> its 4 KiB buffer -> RAM, byte for byte, for several
/// sizes below 4096 (QEMU 7.2's edu aborts at exactly 4096) at IOVAs below 256 MiB (its 28-bit DMA mask).
/// </summary>
public sealed class EduDmaCase : IVfioCase
{
    // edu registers (QEMU docs/specs/edu.txt): DMA source, destination, count, command (bit 0 start, bit 1 EDU->RAM).
    private const ulong DmaSrc = 0x80;
    private const ulong DmaDst = 0x88;
    private const ulong DmaCount = 0x90;
    private const ulong DmaCmd = 0x98;
    private const ulong EduBuffer = 0x40000;
    private const ulong SrcIova = 0x200000;
    private const ulong DstIova = 0x400000;
    private static readonly int[] Sizes = [1, 64, 1000, 2048, 4095];

    private EduDmaCase()
    {
    }

    /// <summary>The case.</summary>
    public static EduDmaCase Instance { get; } = new();

    /// <inheritdoc/>
    public string Id => "vfio.pci.dma.edu_roundtrip";

    /// <inheritdoc/>
    public string Description => "edu DMA RAM->device->RAM through type1 IOVAs is byte-exact for 1, 64, 1000, 2048 and 4095 bytes; MB/s measured";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.DeviceOf("pci", CaseFeature.Type1 | CaseFeature.MmapRegion);

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var bar0 = context.Device!.OpenRegion(0);
        using var edu = bar0.Map();
        var id = edu.ReadUInt32(0);
        if (id != 0x010000ed) { return CaseOutcome.Skip($"BAR0 id 0x{id:x8}: not QEMU's edu"); }
        // Bus master on, so the function may DMA (PCI_COMMAND at config offset 4, bit 2).
        var config = context.Device.OpenRegion(Lab.Vfio.Interop.VfioConstants.VFIO_PCI_CONFIG_REGION_INDEX);
        var command = config.Read16(4);
        config.Write16(4, (ushort)(command | 0x4));
        using var src = DmaBuffer.Allocate(4096, context.Syscalls);
        using var dst = DmaBuffer.Allocate(4096, context.Syscalls);
        src.MapIova(context.Container, SrcIova);
        dst.MapIova(context.Container, DstIova);
        var total = 0L;
        var elapsed = TimeSpan.Zero;
        foreach (var size in Sizes)
        {
            var pattern = src.Span.Slice(0, size);
            for (var i = 0; i < size; i++) { pattern[i] = (byte)((i * 7) + size); }
            dst.Span.Clear();
            var sw = Stopwatch.StartNew();
            var failure = Transfer(edu, SrcIova, EduBuffer, size, toRam: false) ?? Transfer(edu, EduBuffer, DstIova, size, toRam: true);
            elapsed += sw.Elapsed;
            if (failure is not null) { return CaseOutcome.Fail($"{size} bytes: {failure}"); }
            for (var i = 0; i < size; i++)
            {
                if (dst.Span[i] != src.Span[i])
                {
                    return CaseOutcome.Fail($"edu DMA {size} bytes IOVA 0x{SrcIova:x} -> edu 0x{EduBuffer:x} -> IOVA 0x{DstIova:x}: byte {i} is 0x{dst.Span[i]:x2}, expected 0x{src.Span[i]:x2}");
                }
            }

            if (dst.Span[size] != 0) { return CaseOutcome.Fail($"edu DMA {size} bytes wrote past the count: byte {size} is 0x{dst.Span[size]:x2}"); }
            total += size * 2L;
        }

        context.Measure("edu.dma.bytes", total, "bytes");
        context.Measure("edu.dma.throughput", total / elapsed.TotalSeconds / 1e6, "MB/s");
        context.Note($"{Sizes.Length} round trips, {total} bytes moved in {elapsed.TotalMilliseconds:F1} ms (edu runs each DMA from a 100 ms QEMU timer)");
        return CaseOutcome.Pass();
    }

    private static string? Transfer(MmioView edu, ulong from, ulong to, int count, bool toRam)
    {
        edu.WriteUInt64(DmaSrc, from);
        edu.WriteUInt64(DmaDst, to);
        edu.WriteUInt64(DmaCount, (ulong)count);
        edu.WriteUInt64(DmaCmd, toRam ? 3UL : 1UL);
        var deadline = Stopwatch.StartNew();
        while ((edu.ReadUInt64(DmaCmd) & 1) != 0)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(3))
            {
                return $"edu DMA cmd 0x{(toRam ? 3 : 1):x} src 0x{from:x} dst 0x{to:x} count {count} still running after 3 s (cmd 0x{edu.ReadUInt64(DmaCmd):x})";
            }

            Thread.Yield();
        }

        return null;
    }
}
