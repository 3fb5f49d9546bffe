using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

internal static partial class Libc
{
    /// <summary><c>int open(const char *path, int flags, mode_t mode)</c>; <paramref name="path"/> is NUL-terminated UTF-8.</summary>
    [DllImport(Name, EntryPoint = "open", SetLastError = true)]
    internal static extern unsafe int Open(byte* path, int flags, int mode);

    /// <summary><c>int close(int fd)</c>.</summary>
    [DllImport(Name, EntryPoint = "close", SetLastError = true)]
    internal static extern int Close(int fd);

    /// <summary><c>ssize_t read(int fd, void *buf, size_t count)</c>.</summary>
    [DllImport(Name, EntryPoint = "read", SetLastError = true)]
    internal static extern unsafe nint Read(int fd, void* buf, nuint count);

    /// <summary><c>ssize_t write(int fd, const void *buf, size_t count)</c>.</summary>
    [DllImport(Name, EntryPoint = "write", SetLastError = true)]
    internal static extern unsafe nint Write(int fd, void* buf, nuint count);

    /// <summary><c>off64_t lseek64(int fd, off64_t offset, int whence)</c>.</summary>
    [DllImport(Name, EntryPoint = "lseek64", SetLastError = true)]
    internal static extern long Lseek(int fd, long offset, int whence);
}
