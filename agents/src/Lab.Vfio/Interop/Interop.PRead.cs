using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

internal static partial class Libc
{
    /// <summary><c>ssize_t pread64(int fd, void *buf, size_t count, off64_t offset)</c>.</summary>
    [DllImport(Name, EntryPoint = "pread64", SetLastError = true)]
    internal static extern unsafe nint PRead(int fd, void* buf, nuint count, long offset);

    /// <summary><c>ssize_t pwrite64(int fd, const void *buf, size_t count, off64_t offset)</c>.</summary>
    [DllImport(Name, EntryPoint = "pwrite64", SetLastError = true)]
    internal static extern unsafe nint PWrite(int fd, void* buf, nuint count, long offset);
}
