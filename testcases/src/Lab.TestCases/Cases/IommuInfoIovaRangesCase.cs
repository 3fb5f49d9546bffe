using Lab.TestCases.Model;

namespace Lab.TestCases.Cases;

/// <summary>
/// <c>VFIO_IOMMU_GET_INFO</c> on a type1 container: page sizes include 4 KiB, the IOVA-range capability is present,
/// and the ranges leave out virt's reserved MSI window 0x8000000-0x80fffff.
/// </summary>
public sealed class IommuInfoIovaRangesCase : IVfioCase
{
    private const ulong MsiStart = 0x8000000;
    private const ulong MsiEnd = 0x80fffff;

    /// <inheritdoc/>
    public string Id => "vfio.common.dma.iommu_info_iova_ranges";

    /// <inheritdoc/>
    public string Description => "VFIO_IOMMU_GET_INFO reports 4 KiB pages and IOVA ranges that exclude the MSI window 0x8000000-0x80fffff";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = new(CaseFeature.Group | CaseFeature.Type1);

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var info = context.Container.GetIommuInfo();
        context.Note($"flags 0x{info.Flags:x} iova_pgsizes 0x{info.IovaPageSizes:x} dma_avail {info.DmaAvailable?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
        if ((info.IovaPageSizes & 0x1000) == 0) { return CaseOutcome.Fail($"VFIO_IOMMU_GET_INFO iova_pgsizes 0x{info.IovaPageSizes:x} lacks 4 KiB (0x1000)"); }
        if (info.IovaRanges is not { Count: > 0 } ranges) { return CaseOutcome.Fail("VFIO_IOMMU_GET_INFO has no VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE capability"); }
        foreach (var r in ranges) { context.Note($"iova range 0x{r.Start:x}-0x{r.End:x}"); }
        var overlapping = ranges.FirstOrDefault(r => r.Start <= MsiEnd && MsiStart <= r.End);
        return overlapping is null
            ? CaseOutcome.Pass()
            : CaseOutcome.Fail($"IOVA range 0x{overlapping.Start:x}-0x{overlapping.End:x} includes the reserved MSI window 0x{MsiStart:x}-0x{MsiEnd:x}");
    }
}
