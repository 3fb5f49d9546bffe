using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_region_info_cap_sparse_mmap</c>: <c>VFIO_REGION_INFO_CAP_SPARSE_MMAP</c>; followed by <c>nr_areas</c> <see cref="vfio_region_sparse_mmap_area"/>.</summary>
[FlexibleArray("areas", typeof(vfio_region_sparse_mmap_area))]
[StructLayout(LayoutKind.Sequential)]
public struct vfio_region_info_cap_sparse_mmap
{
    /// <summary><c>header</c></summary>
    public vfio_info_cap_header header;

    /// <summary><c>nr_areas</c>: Number of areas that follow.</summary>
    public uint nr_areas;

    /// <summary><c>reserved</c></summary>
    public uint reserved;
}
