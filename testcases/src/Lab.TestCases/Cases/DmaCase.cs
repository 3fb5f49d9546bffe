using System.Diagnostics;
using System.Globalization;
using Lab.TestCases.Model;
using Lab.TestCases.Timing;
using Lab.Vfio;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Cases;

/// <summary>
/// type1 <c>VFIO_IOMMU_MAP_DMA</c>/<c>UNMAP_DMA</c> on the run's container: each access flag, refused unaligned
/// vaddr/iova/size, overlap, the reserved MSI window (0x8000000-0x80fffff on virt's SMMUv3), unmap of nothing, unmap
/// with an unknown flag, and map/unmap churn measured in ops/s. One class, one instance per check. IOVAs stay below
/// 256 MiB (edu's 28-bit DMA mask).
/// </summary>
public sealed class DmaCase : IVfioCase
{
    private const ulong Iova = 0x100000;
    private const uint Read = VfioConstants.VFIO_DMA_MAP_FLAG_READ;
    private const uint Write = VfioConstants.VFIO_DMA_MAP_FLAG_WRITE;
    private readonly Func<CaseContext, DmaCase, CaseOutcome> _run;

    private DmaCase(string name, string description, Func<CaseContext, DmaCase, CaseOutcome> run)
    {
        Id = "vfio.common.dma." + name;
        Description = description;
        _run = run;
    }

    /// <summary>READ, WRITE and READ|WRITE maps work and unmap whole.</summary>
    public static DmaCase MapFlags { get; } = new("map_flags", "MAP_DMA with READ, WRITE and READ|WRITE succeeds; UNMAP_DMA returns the mapped size", RunFlags);

    /// <summary>Unaligned vaddr.</summary>
    public static DmaCase UnalignedVaddr { get; } = new("map_unaligned_vaddr", "MAP_DMA with vaddr + 1 is refused",
        (c, self) => Negative(c, self, (buf, page) => (buf + 1, Iova, page)));

    /// <summary>Unaligned iova.</summary>
    public static DmaCase UnalignedIova { get; } = new("map_unaligned_iova", "MAP_DMA with iova + 1 is refused",
        (c, self) => Negative(c, self, (buf, page) => (buf, Iova + 1, page)));

    /// <summary>Size not a page multiple.</summary>
    public static DmaCase UnalignedSize { get; } = new("map_unaligned_size", "MAP_DMA with size = page + 1 is refused",
        (c, self) => Negative(c, self, (buf, page) => (buf, Iova, page + 1)));

    /// <summary>IOVA in the MSI window.</summary>
    public static DmaCase MsiHole { get; } = new("map_msi_hole", "MAP_DMA at IOVA 0x8000000 (the reserved MSI window) is refused",
        (c, self) => Negative(c, self, (buf, page) => (buf, 0x8000000UL, page)));

    /// <summary>Overlapping map.</summary>
    public static DmaCase Overlap { get; } = new("map_overlap", "MAP_DMA over a page of an existing mapping is refused", RunOverlap);

    /// <summary>Unmap of an IOVA range that holds nothing.</summary>
    public static DmaCase UnmapNothing { get; } = new("unmap_nothing", "UNMAP_DMA of a range with no mapping succeeds and reports 0 bytes unmapped", RunUnmapNothing);

    /// <summary>Unmap with an unknown flag.</summary>
    public static DmaCase UnmapBadFlags { get; } = new("unmap_bad_flags", "UNMAP_DMA with flags 0x80 (undefined) is refused",
        (c, self) => ExpectedErrno.Check(c, self.Id, $"VFIO_IOMMU_UNMAP_DMA(iova=0x{Iova:x}, size=0x1000, flags=0x80)", c.Container.TryUnmapDma(Iova, 0x1000, 0x80, out _)));

    /// <summary>Map/unmap churn.</summary>
    public static DmaCase Churn { get; } = new("map_unmap_churn", "2000 MAP_DMA/UNMAP_DMA pairs of one page, 16 pages at a time: all succeed; ops/s measured", RunChurn);

    /// <inheritdoc/>
    public string Id { get; }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public Requirements Requirements { get; } = new(CaseFeature.Group | CaseFeature.Type1);

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        return _run(context, this);
    }

    private static string Hex(ulong v) => "0x" + v.ToString("x", CultureInfo.InvariantCulture);

    private static CaseOutcome RunFlags(CaseContext context, DmaCase self)
    {
        using var buf = DmaBuffer.Allocate(context.Syscalls.PageSize * 3, context.Syscalls);
        var page = (ulong)context.Syscalls.PageSize;
        uint[] flags = [Read, Write, Read | Write];
        for (var i = 0; i < flags.Length; i++)
        {
            var iova = Iova + ((ulong)i * page);
            var vaddr = buf.UserAddress + ((ulong)i * page);
            var errno = context.Container.TryMapDma(vaddr, iova, page, flags[i]);
            if (errno != 0) { return CaseOutcome.Fail($"VFIO_IOMMU_MAP_DMA(vaddr={Hex(vaddr)}, iova={Hex(iova)}, size={Hex(page)}, flags=0x{flags[i]:x}): {ExpectedErrno.Describe(errno)}"); }
            var unmapErrno = context.Container.TryUnmapDma(iova, page, 0, out var unmapped);
            if (unmapErrno != 0 || unmapped != page)
            {
                return CaseOutcome.Fail($"VFIO_IOMMU_UNMAP_DMA(iova={Hex(iova)}, size={Hex(page)}) after a flags=0x{flags[i]:x} map: {ExpectedErrno.Describe(unmapErrno)}, unmapped {Hex(unmapped)}");
            }
        }

        return CaseOutcome.Pass();
    }

    private static CaseOutcome Negative(CaseContext context, DmaCase self, Func<ulong, ulong, (ulong Vaddr, ulong Iova, ulong Size)> args)
    {
        using var buf = DmaBuffer.Allocate(context.Syscalls.PageSize * 2, context.Syscalls);
        var (vaddr, iova, size) = args(buf.UserAddress, (ulong)context.Syscalls.PageSize);
        var errno = context.Container.TryMapDma(vaddr, iova, size, Read | Write);
        if (errno == 0) { context.Container.TryUnmapDma(iova & ~0xfffUL, (size + 0xfff) & ~0xfffUL, 0, out _); }
        return ExpectedErrno.Check(context, self.Id, $"VFIO_IOMMU_MAP_DMA(vaddr={Hex(vaddr)}, iova={Hex(iova)}, size={Hex(size)}, flags=READ|WRITE)", errno);
    }

    private static CaseOutcome RunOverlap(CaseContext context, DmaCase self)
    {
        var page = (ulong)context.Syscalls.PageSize;
        using var a = DmaBuffer.Allocate((long)page * 2, context.Syscalls);
        using var b = DmaBuffer.Allocate((long)page * 2, context.Syscalls);
        context.Container.MapDma(a.UserAddress, Iova, page * 2);
        try
        {
            var errno = context.Container.TryMapDma(b.UserAddress, Iova + page, page * 2, Read | Write);
            if (errno == 0) { context.Container.TryUnmapDma(Iova + page, page * 2, 0, out _); }
            return ExpectedErrno.Check(context, self.Id, $"VFIO_IOMMU_MAP_DMA(iova={Hex(Iova + page)}, size={Hex(page * 2)}) over [{Hex(Iova)}, {Hex(Iova + (page * 2))})", errno);
        }
        finally
        {
            context.Container.TryUnmapDma(Iova, page * 2, 0, out _);
        }
    }

    private static CaseOutcome RunUnmapNothing(CaseContext context, DmaCase self)
    {
        const ulong nowhere = 0x3000000;
        var errno = context.Container.TryUnmapDma(nowhere, 0x10000, 0, out var unmapped);
        context.Note($"unmapped {Hex(unmapped)} bytes");
        var outcome = ExpectedErrno.Check(context, self.Id, $"VFIO_IOMMU_UNMAP_DMA(iova={Hex(nowhere)}, size=0x10000) with nothing mapped", errno);
        return outcome.Status != CaseStatus.Pass || unmapped == 0 ? outcome : CaseOutcome.Fail($"VFIO_IOMMU_UNMAP_DMA of nothing reported {Hex(unmapped)} bytes unmapped");
    }

    private static CaseOutcome RunChurn(CaseContext context, DmaCase self)
    {
        const int pairs = 2000;
        var page = context.Syscalls.PageSize;
        using var buf = DmaBuffer.Allocate((long)page * DmaLoops.Batch, context.Syscalls);
        var maps = new SampleClock(pairs);
        var unmaps = new SampleClock(pairs);
        var sw = Stopwatch.StartNew();
        var failed = DmaLoops.MapUnmap(context.Container, buf, Iova, pairs, maps, unmaps);
        var seconds = sw.Elapsed.TotalSeconds;
        if (failed is not null) { return CaseOutcome.Fail("churn " + failed); }
        context.Measure("vfio.dma.map_unmap_ops", Math.Round(pairs * 2 / seconds, 1), "ops/s");
        maps.Summarize().Report(context, "vfio.dma.map_latency");
        unmaps.Summarize().Report(context, "vfio.dma.unmap_latency");
        return CaseOutcome.Pass();
    }

}
