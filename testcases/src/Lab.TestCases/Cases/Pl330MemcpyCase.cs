using Lab.TestCases.Devices.Pl330;
using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// <c>vfio.amba.pl330.memcpy</c>: memory-to-memory copies on the PL330 at physical addresses (no IOMMU), each checked
/// byte for byte with its surroundings untouched: sizes from 1 byte to 1 MiB at unaligned and page-crossing offsets,
/// a copy on every channel, then every channel at once. Each program ends in its channel's event: the IRQ on the
/// eventfd, INTCLR, VFIO UNMASK. The 1 MiB copy's rate is measured.
/// </summary>
public sealed class Pl330MemcpyCase : IVfioCase
{
    private const int MiB = 1 << 20;

    private static readonly (long Length, long SrcOffset, long DstOffset)[] Copies =
    [
        (1, 0, 0), (7, 1, 3), (4093, 3, 1), (4101, 4090, 5), (65539, 17, 4095), (MiB, 0, 0), (MiB, 1, 4093),
    ];

    /// <inheritdoc/>
    public string Id => "vfio.amba.pl330.memcpy";

    /// <inheritdoc/>
    public string Description => "PL330 copies of 1 B to 1 MiB at unaligned/page-crossing offsets, on every channel and on all at once, each verified byte for byte; completion IRQ -> INTCLR -> UNMASK";

    /// <inheritdoc/>
    public Requirements Requirements => Pl330VerifiedCopy.DmaRequirements;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        if (Pl330VerifiedCopy.TryOpen(context, out var opened) is { } reason) { return CaseOutcome.Skip(reason); }
        using var dma = opened!;
        using var src = DmaBuffer.Allocate(MiB + (2 * 4096), context.Syscalls);
        using var dst = DmaBuffer.Allocate(MiB + (2 * 4096), context.Syscalls);
        var channels = dma.Controller.Config.Channels;
        uint seed = 1;
        foreach (var (length, srcOffset, dstOffset) in Copies)
        {
            if (Pl330VerifiedCopy.Run(dma, src, srcOffset, dst, dstOffset, length, (int)(seed % (uint)channels), seed, out var took) is { } failure)
            {
                return CaseOutcome.Fail(failure);
            }

            if (length == MiB && srcOffset == 0)
            {
                // The copy itself (planning, programs, DMA, IRQs), not the pattern fill and the check around it.
                context.Measure("pl330.copy_1mib_ms", Math.Round(took.TotalMilliseconds, 2), "ms");
                context.Measure("pl330.copy_mb_per_s", Math.Round(MiB / took.TotalSeconds / 1e6, 2), "MB/s");
            }

            seed++;
        }

        for (var channel = 0; channel < channels; channel++)
        {
            if (Pl330VerifiedCopy.Run(dma, src, 3 + channel, dst, 4000 + channel, 257, channel, seed++) is { } failure)
            {
                return CaseOutcome.Fail("one channel after another: " + failure);
            }
        }

        return AllAtOnce(dma, src, dst, channels, seed);
    }

    /// <summary>A 1000-byte copy (one program) on every channel, started back to back, all awaited together.</summary>
    private static CaseOutcome AllAtOnce(Pl330Dma dma, DmaBuffer src, DmaBuffer dst, int channels, uint seed)
    {
        const int Length = 1000;
        var srcPages = src.GetPhysicalAddresses();
        var dstPages = dst.GetPhysicalAddresses();
        var starts = new List<(int, int, byte[])>();
        for (var channel = 0; channel < channels; channel++)
        {
            var offset = (channel * 4096L) + 2000 + channel; // each crosses into the next page
            Pl330VerifiedCopy.Prepare(src, offset, dst, offset + 1, Length, seed + (uint)channel);
            var programs = Pl330Copy.Programs(Pl330Copy.Chunks(srcPages, offset, dstPages, offset + 1, Length, src.PageSize), channel, (int)src.PageSize);
            starts.Add((channel, channel, programs.Single().Code));
        }

        if (dma.Run(starts) is { } failure)
        {
            return CaseOutcome.Fail($"{channels} channels at once: {failure}");
        }

        for (var channel = 0; channel < channels; channel++)
        {
            var offset = (channel * 4096L) + 2000 + channel;
            var what = $"{channels} channels at once, " + Pl330VerifiedCopy.Describe(offset, offset + 1, Length, channel);
            if (Pl330VerifiedCopy.Verify(dst, offset + 1, Length, seed + (uint)channel, what) is { } bad)
            {
                return CaseOutcome.Fail(bad);
            }
        }

        return CaseOutcome.Pass();
    }
}
