using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_iommu_type1_dma_unmap</c>: <c>VFIO_IOMMU_UNMAP_DMA</c> argument; <c>size</c> is written back with the bytes unmapped.</summary>
[FlexibleArray("data", typeof(byte))]
[StructLayout(LayoutKind.Sequential)]
public struct vfio_iommu_type1_dma_unmap
{
    /// <summary><c>argsz</c>: size of the whole argument; always set by the caller.</summary>
    public uint argsz;

    /// <summary><c>flags</c>: <c>VFIO_DMA_UNMAP_FLAG_*</c>.</summary>
    public uint flags;

    /// <summary><c>iova</c></summary>
    public ulong iova;

    /// <summary><c>size</c></summary>
    public ulong size;
}
