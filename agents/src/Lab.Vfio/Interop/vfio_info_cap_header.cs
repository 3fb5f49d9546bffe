using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_info_cap_header</c>: Header of every capability in a capability chain; <c>next</c> is an offset from the start of the info struct, 0 ends the chain.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_info_cap_header
{
    /// <summary><c>id</c>: Capability id (per chain kind).</summary>
    public ushort id;

    /// <summary><c>version</c>: Capability version.</summary>
    public ushort version;

    /// <summary><c>next</c>: Offset of the next capability, 0 for none.</summary>
    public uint next;
}
