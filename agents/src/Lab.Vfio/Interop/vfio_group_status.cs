using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_group_status</c>: <c>VFIO_GROUP_GET_STATUS</c> argument.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_group_status
{
    /// <summary><c>argsz</c>: size of the whole argument; always set by the caller.</summary>
    public uint argsz;

    /// <summary><c>flags</c>: <c>VFIO_GROUP_FLAGS_*</c>.</summary>
    public uint flags;
}
