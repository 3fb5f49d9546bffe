using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_iommu_type1_dirty_bitmap</c>: <c>VFIO_IOMMU_DIRTY_PAGES</c> header.</summary>
[FlexibleArray("data", typeof(byte))]
[StructLayout(LayoutKind.Sequential)]
public struct vfio_iommu_type1_dirty_bitmap
{
    /// <summary><c>argsz</c>: size of the whole argument; always set by the caller.</summary>
    public uint argsz;

    /// <summary><c>flags</c>: <c>VFIO_IOMMU_DIRTY_PAGES_FLAG_*</c>.</summary>
    public uint flags;
}
