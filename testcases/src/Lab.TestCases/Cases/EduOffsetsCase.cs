using System.Diagnostics;
using Lab.TestCases.Devices.Edu;
using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// edu DMA round trips at non-zero offsets: RAM (two-page buffers, so some transfers cross an IOVA page) -> edu's
/// buffer -> RAM, for the sizes and offsets of <see cref="EduTransferPlan.Offsetted"/>, byte for byte, with the bytes
/// around the destination range untouched.
/// </summary>
public sealed class EduOffsetsCase : IVfioCase
{
    private const ulong SrcIova = 0x800000;
    private const ulong DstIova = 0xA00000;
    private const byte Guard = 0xA5;

    /// <inheritdoc/>
    public string Id => "vfio.pci.dma.edu_offsets";

    /// <inheritdoc/>
    public string Description => "edu DMA round trips at source/edu/destination offsets 1, 7, 513, 4000 and sizes 1..4094 (page-crossing IOVAs): byte-exact, neighbours untouched; MB/s measured";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.DeviceOf("pci", CaseFeature.Type1 | CaseFeature.MmapRegion) with { AnyDeviceFeature = EduDevice.Features };

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        using var edu = EduDevice.Open(context.Device!, out var why);
        if (edu is null) { return CaseOutcome.Skip(why); }
        using var src = DmaBuffer.Allocate(EduTransferPlan.RamLength, context.Syscalls);
        using var dst = DmaBuffer.Allocate(EduTransferPlan.RamLength, context.Syscalls);
        src.MapIova(context.Container, SrcIova);
        dst.MapIova(context.Container, DstIova);
        var plan = EduTransferPlan.Offsetted();
        var total = 0L;
        var elapsed = TimeSpan.Zero;
        for (var n = 0; n < plan.Count; n++)
        {
            var t = plan[n];
            SeededPattern.Fill(src.Span, (uint)n, 0);
            dst.Span.Fill(Guard);
            var clock = Stopwatch.StartNew();
            var failure = edu.Dma(SrcIova + (ulong)t.Source, EduDevice.Buffer + (ulong)t.Device, t.Count, toRam: false)
                ?? edu.Dma(EduDevice.Buffer + (ulong)t.Device, DstIova + (ulong)t.Destination, t.Count, toRam: true);
            elapsed += clock.Elapsed;
            if (failure is not null) { return CaseOutcome.Fail($"{t}: {failure}"); }
            var wrong = Verify(src.Span, dst.Span, t);
            if (wrong is not null) { return CaseOutcome.Fail($"{t} (src IOVA 0x{SrcIova:x}, dst IOVA 0x{DstIova:x}): {wrong}"); }
            total += t.Count * 2L;
        }

        context.Measure("edu.dma.offsets.transfers", plan.Count * 2);
        context.Measure("edu.dma.offsets.bytes", total, "bytes");
        context.Measure("edu.dma.offsets.throughput", total / elapsed.TotalSeconds / 1e6, "MB/s");
        return CaseOutcome.Pass();
    }

    /// <summary>The first wrong byte of the destination buffer after <paramref name="t"/>, or null.</summary>
    internal static string? Verify(ReadOnlySpan<byte> src, ReadOnlySpan<byte> dst, EduTransfer t)
    {
        for (var i = 0; i < dst.Length; i++)
        {
            var inside = i >= t.Destination && i < t.Destination + t.Count;
            var want = inside ? src[t.Source + i - t.Destination] : Guard;
            if (dst[i] != want)
            {
                return inside
                    ? $"dst byte {i} (transfer byte {i - t.Destination}) is 0x{dst[i]:x2}, expected 0x{want:x2}"
                    : $"dst byte {i}, outside the transfer, is 0x{dst[i]:x2}: was the guard 0x{Guard:x2}";
            }
        }

        return null;
    }
}
