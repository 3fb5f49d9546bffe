using System.Diagnostics;
using Lab.TestCases.Devices.Edu;
using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// A real device DMA through the SMMUv3: QEMU's edu copies RAM -> its 4 KiB buffer -> RAM, byte for byte, for several
/// sizes below 4096 (QEMU 7.2's edu aborts at exactly 4096) at IOVAs below 256 MiB (its 28-bit DMA mask).
/// </summary>
public sealed class EduDmaCase : IVfioCase
{
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
    public Requirements Requirements { get; } = Requirements.DeviceOf("pci", CaseFeature.Type1 | CaseFeature.MmapRegion) with { AnyDeviceFeature = EduDevice.Features };

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        using var edu = EduDevice.Open(context.Device!, out var why);
        if (edu is null) { return CaseOutcome.Skip(why); }
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
            var failure = edu.Dma(SrcIova, EduDevice.Buffer, size, toRam: false) ?? edu.Dma(EduDevice.Buffer, DstIova, size, toRam: true);
            elapsed += sw.Elapsed;
            if (failure is not null) { return CaseOutcome.Fail($"{size} bytes: {failure}"); }
            for (var i = 0; i < size; i++)
            {
                if (dst.Span[i] != src.Span[i])
                {
                    return CaseOutcome.Fail($"edu DMA {size} bytes IOVA 0x{SrcIova:x} -> edu 0x{EduDevice.Buffer:x} -> IOVA 0x{DstIova:x}: byte {i} is 0x{dst.Span[i]:x2}, expected 0x{src.Span[i]:x2}");
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
}
