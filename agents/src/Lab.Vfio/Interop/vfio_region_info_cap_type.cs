using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_region_info_cap_type</c>: <c>VFIO_REGION_INFO_CAP_TYPE</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_region_info_cap_type
{
    /// <summary><c>header</c></summary>
    public vfio_info_cap_header header;

    /// <summary><c>type</c>: Region type, global per bus driver.</summary>
    public uint type;

    /// <summary><c>subtype</c>: Type specific.</summary>
    public uint subtype;
}
