using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

internal static partial class Libc
{
    /// <summary>
    /// <c>int ioctl(int fd, unsigned long request, ...)</c>. NOTE: variadic in C; on the Linux arm, arm64 and
    /// x86-64 ABIs a pointer-sized variadic argument travels exactly like a fixed one, so one blittable
    /// signature with a pointer-sized <paramref name="arg"/> serves both "pointer" and "value" ioctls.
    /// </summary>
    [DllImport(Name, EntryPoint = "ioctl", SetLastError = true)]
    internal static extern int Ioctl(int fd, nuint request, nint arg);
}
