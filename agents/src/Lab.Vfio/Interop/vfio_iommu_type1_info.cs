using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_iommu_type1_info</c>: <c>VFIO_IOMMU_GET_INFO</c> argument, newest layout (24 bytes). NOTE: it grew 16 -> 24 when <c>cap_offset</c> came (4.x); <c>pad</c> (6.6) only names the tail padding.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_iommu_type1_info
{
    /// <summary><c>argsz</c>: size of the whole argument; always set by the caller.</summary>
    public uint argsz;

    /// <summary><c>flags</c>: <c>VFIO_IOMMU_INFO_*</c>.</summary>
    public uint flags;

    /// <summary><c>iova_pgsizes</c>: Bitmap of supported page sizes.</summary>
    public ulong iova_pgsizes;

    /// <summary><c>cap_offset</c>: Offset of the first capability, when <c>VFIO_IOMMU_INFO_CAPS</c>.</summary>
    public uint cap_offset;

    /// <summary><c>pad</c>: Names the tail padding.</summary>
    [KernelSince("6.6")]
    public uint pad;
}
