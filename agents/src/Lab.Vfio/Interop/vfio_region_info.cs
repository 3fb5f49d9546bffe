using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_region_info</c>: <c>VFIO_DEVICE_GET_REGION_INFO</c> argument.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_region_info
{
    /// <summary><c>argsz</c>: size of the whole argument; always set by the caller.</summary>
    public uint argsz;

    /// <summary><c>flags</c>: <c>VFIO_REGION_INFO_FLAG_*</c>.</summary>
    public uint flags;

    /// <summary><c>index</c>: Region index (in).</summary>
    public uint index;

    /// <summary><c>cap_offset</c>: Offset of the first capability, when <c>VFIO_REGION_INFO_FLAG_CAPS</c>.</summary>
    public uint cap_offset;

    /// <summary><c>size</c>: Region size in bytes.</summary>
    public ulong size;

    /// <summary><c>offset</c>: Region offset from the start of the device fd (for pread/pwrite/mmap).</summary>
    public ulong offset;
}
