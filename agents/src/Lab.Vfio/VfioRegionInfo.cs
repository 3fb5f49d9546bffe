using Lab.Vfio.Interop;

namespace Lab.Vfio;

/// <summary>The answer of <c>VFIO_DEVICE_GET_REGION_INFO</c>, capabilities walked and decoded.</summary>
/// <param name="Index">Region index.</param>
/// <param name="Flags"><c>VFIO_REGION_INFO_FLAG_*</c>.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Offset">Offset of the region within the device fd.</param>
/// <param name="Capabilities">The raw capability chain.</param>
public sealed record VfioRegionInfo(uint Index, uint Flags, ulong Size, ulong Offset, IReadOnlyList<VfioCapability> Capabilities)
{
    /// <summary><c>VFIO_REGION_INFO_FLAG_READ</c>.</summary>
    public bool CanRead => (Flags & VfioConstants.VFIO_REGION_INFO_FLAG_READ) != 0;

    /// <summary><c>VFIO_REGION_INFO_FLAG_WRITE</c>.</summary>
    public bool CanWrite => (Flags & VfioConstants.VFIO_REGION_INFO_FLAG_WRITE) != 0;

    /// <summary><c>VFIO_REGION_INFO_FLAG_MMAP</c>.</summary>
    public bool CanMmap => (Flags & VfioConstants.VFIO_REGION_INFO_FLAG_MMAP) != 0;

    /// <summary>The <c>VFIO_REGION_INFO_CAP_SPARSE_MMAP</c> areas; null without that capability.</summary>
    public IReadOnlyList<VfioSparseArea>? SparseMmapAreas { get; init; }

    /// <summary>The <c>VFIO_REGION_INFO_CAP_TYPE</c>; null without it.</summary>
    public VfioRegionType? RegionType { get; init; }

    /// <summary>Whether <c>VFIO_REGION_INFO_CAP_MSIX_MAPPABLE</c> is present.</summary>
    public bool MsixMappable { get; init; }
}
