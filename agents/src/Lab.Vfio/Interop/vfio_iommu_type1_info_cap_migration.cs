using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_iommu_type1_info_cap_migration</c>: <c>VFIO_IOMMU_TYPE1_INFO_CAP_MIGRATION</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_iommu_type1_info_cap_migration
{
    /// <summary><c>header</c></summary>
    public vfio_info_cap_header header;

    /// <summary><c>flags</c></summary>
    public uint flags;

    /// <summary><c>pgsize_bitmap</c></summary>
    public ulong pgsize_bitmap;

    /// <summary><c>max_dirty_bitmap_size</c>: In bytes.</summary>
    public ulong max_dirty_bitmap_size;
}
