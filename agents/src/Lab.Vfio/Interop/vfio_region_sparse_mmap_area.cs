using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_region_sparse_mmap_area</c>: One mmap-able area of a region (<c>VFIO_REGION_INFO_CAP_SPARSE_MMAP</c>).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_region_sparse_mmap_area
{
    /// <summary><c>offset</c>: Offset of the area within the region.</summary>
    public ulong offset;

    /// <summary><c>size</c>: Size of the area.</summary>
    public ulong size;
}
