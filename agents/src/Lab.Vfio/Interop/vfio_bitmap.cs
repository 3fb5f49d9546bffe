using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_bitmap</c>: Dirty bitmap descriptor. NOTE: <c>data</c> is a user pointer, 4 bytes on armv7: pointer-sized here too.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_bitmap
{
    /// <summary><c>pgsize</c>: Page size for the bitmap in bytes.</summary>
    public ulong pgsize;

    /// <summary><c>size</c>: Bitmap size in bytes.</summary>
    public ulong size;

    /// <summary><c>data</c>: One bit per page.</summary>
    public IntPtr data;
}
