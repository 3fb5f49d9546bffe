using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_iommu_type1_dirty_bitmap_get</c>: <c>VFIO_IOMMU_DIRTY_PAGES_FLAG_GET_BITMAP</c> data.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_iommu_type1_dirty_bitmap_get
{
    /// <summary><c>iova</c></summary>
    public ulong iova;

    /// <summary><c>size</c></summary>
    public ulong size;

    /// <summary><c>bitmap</c></summary>
    public vfio_bitmap bitmap;
}
