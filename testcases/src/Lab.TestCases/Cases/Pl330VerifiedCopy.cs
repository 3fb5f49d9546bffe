using Lab.TestCases.Devices.Pl330;
using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// One PL330 copy checked byte for byte: the source range gets a seeded pattern, the destination buffer a sentinel;
/// after the copy the destination range holds the pattern and the bytes on either side of it still hold the sentinel.
/// </summary>
internal static class Pl330VerifiedCopy
{
    private const byte Sentinel = 0x5a;

    /// <summary>What a PL330 DMA case needs: a PL330 on vfio-amba with its IRQ and mmap-able registers, no IOMMU (physical addresses), root (pagemap).</summary>
    public static Requirements DmaRequirements { get; } =
        Requirements.DeviceOf("amba", CaseFeature.Irq | CaseFeature.MmapRegion | CaseFeature.NoIommu | CaseFeature.Root) with { AnyDeviceFeature = new[] { "pl330" } };

    /// <summary>Null when the copy completed and verified, else what went wrong (naming the copy).</summary>
    public static string? Run(Pl330Dma dma, DmaBuffer src, long srcOffset, DmaBuffer dst, long dstOffset, long length, int channel, uint seed) =>
        Run(dma, src, srcOffset, dst, dstOffset, length, channel, seed, out _);

    /// <summary>As the other overload; <paramref name="dmaTime"/> is the copy's own time (programs, starts and IRQs), without the filling and checking.</summary>
    public static string? Run(Pl330Dma dma, DmaBuffer src, long srcOffset, DmaBuffer dst, long dstOffset, long length, int channel, uint seed, out TimeSpan dmaTime)
    {
        Prepare(src, srcOffset, dst, dstOffset, length, seed);
        var what = Describe(srcOffset, dstOffset, length, channel);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var failure = dma.Copy(src, srcOffset, dst, dstOffset, length, channel);
        dmaTime = clock.Elapsed;
        return failure is not null ? what + ": " + failure : Verify(dst, dstOffset, length, seed, what);
    }

    /// <summary>Fills the source range with the pattern of <paramref name="seed"/> and the around of the destination range with the sentinel.</summary>
    public static void Prepare(DmaBuffer src, long srcOffset, DmaBuffer dst, long dstOffset, long length, uint seed)
    {
        SeededPattern.Fill(src.Span.Slice((int)srcOffset, (int)length), seed, 0);
        var from = (int)Math.Max(0, dstOffset - 64);
        var to = (int)Math.Min(dst.Length, dstOffset + length + 64);
        dst.Span.Slice(from, to - from).Fill(Sentinel);
    }

    /// <summary>Null when the destination range holds the pattern and its surroundings the sentinel.</summary>
    public static string? Verify(DmaBuffer dst, long dstOffset, long length, uint seed, string what)
    {
        var span = dst.Span;
        var bad = SeededPattern.FirstMismatch(span.Slice((int)dstOffset, (int)length), seed, 0);
        if (bad >= 0)
        {
            return $"{what}: byte {bad} of the destination is 0x{span[(int)dstOffset + bad]:x2}, expected 0x{SeededPattern.At(seed, bad):x2}";
        }

        var before = (int)Math.Max(0, dstOffset - 64);
        for (var i = before; i < dstOffset; i++)
        {
            if (span[i] != Sentinel) { return $"{what}: byte {i - dstOffset} (before the destination) changed to 0x{span[i]:x2}"; }
        }

        var after = (int)Math.Min(dst.Length, dstOffset + length + 64);
        for (var i = (int)(dstOffset + length); i < after; i++)
        {
            if (span[i] != Sentinel) { return $"{what}: byte +{i - dstOffset - length} past the destination changed to 0x{span[i]:x2}"; }
        }

        return null;
    }

    /// <summary><c>4096 bytes src+3 -> dst+1 on channel 2</c>.</summary>
    public static string Describe(long srcOffset, long dstOffset, long length, int channel) =>
        $"{length} bytes src+{srcOffset} -> dst+{dstOffset} on channel {channel}";

    /// <summary>The device's PL330 with its DMA (no-IOMMU: physical addresses), or why the case cannot run.</summary>
    public static string? TryOpen(CaseContext context, out Pl330Dma? dma)
    {
        dma = null;
        var device = context.Device!;
        var ids = Devices.PrimeCell.Read(device.OpenRegion(0).Read32);
        if (ids.PeriphId != 0x00241330) { return $"periph id 0x{ids.PeriphId:x8}: not a PL330 (0x00241330)"; }
        dma = Pl330Dma.Open(device);
        return null;
    }
}
