using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_iommu_type1_info_dma_avail</c>: <c>VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_iommu_type1_info_dma_avail
{
    /// <summary><c>header</c></summary>
    public vfio_info_cap_header header;

    /// <summary><c>avail</c>: DMA mappings still available.</summary>
    public uint avail;
}
