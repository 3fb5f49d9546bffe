using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_device_ioeventfd</c>: <c>VFIO_DEVICE_IOEVENTFD</c> argument.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_device_ioeventfd
{
    /// <summary><c>argsz</c>: size of the whole argument; always set by the caller.</summary>
    public uint argsz;

    /// <summary><c>flags</c>: <c>VFIO_DEVICE_IOEVENTFD_*</c> width.</summary>
    public uint flags;

    /// <summary><c>offset</c>: Device fd offset of the write.</summary>
    public ulong offset;

    /// <summary><c>data</c>: Data to write.</summary>
    public ulong data;

    /// <summary><c>fd</c>: eventfd, -1 to de-assign.</summary>
    public int fd;
}
