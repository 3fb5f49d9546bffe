namespace Lab.Vfio;

/// <summary>The answer of <c>VFIO_IOMMU_GET_INFO</c> (type1), capabilities walked and decoded.</summary>
/// <param name="Flags"><c>VFIO_IOMMU_INFO_*</c>.</param>
/// <param name="IovaPageSizes">Bitmap of supported IOVA page sizes.</param>
/// <param name="Capabilities">The raw capability chain.</param>
public sealed record VfioIommuInfo(uint Flags, ulong IovaPageSizes, IReadOnlyList<VfioCapability> Capabilities)
{
    /// <summary>The <c>VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE</c> ranges; null without that capability.</summary>
    public IReadOnlyList<VfioIovaRange>? IovaRanges { get; init; }

    /// <summary>The migration capability; null without it.</summary>
    public VfioIommuMigration? Migration { get; init; }

    /// <summary><c>VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL</c>: DMA mappings still available; null without it.</summary>
    public uint? DmaAvailable { get; init; }
}
