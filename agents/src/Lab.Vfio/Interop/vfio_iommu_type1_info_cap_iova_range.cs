using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_iommu_type1_info_cap_iova_range</c>: <c>VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE</c>; followed by <c>nr_iovas</c> ranges.</summary>
[FlexibleArray("iova_ranges", typeof(vfio_iova_range))]
[StructLayout(LayoutKind.Sequential)]
public struct vfio_iommu_type1_info_cap_iova_range
{
    /// <summary><c>header</c></summary>
    public vfio_info_cap_header header;

    /// <summary><c>nr_iovas</c></summary>
    public uint nr_iovas;

    /// <summary><c>reserved</c></summary>
    public uint reserved;
}
