using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_iommu_type1_dma_map</c>: <c>VFIO_IOMMU_MAP_DMA</c> argument.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_iommu_type1_dma_map
{
    /// <summary><c>argsz</c>: size of the whole argument; always set by the caller.</summary>
    public uint argsz;

    /// <summary><c>flags</c>: <c>VFIO_DMA_MAP_FLAG_*</c>.</summary>
    public uint flags;

    /// <summary><c>vaddr</c>: Process virtual address.</summary>
    public ulong vaddr;

    /// <summary><c>iova</c>: IO virtual address.</summary>
    public ulong iova;

    /// <summary><c>size</c>: Bytes.</summary>
    public ulong size;
}
