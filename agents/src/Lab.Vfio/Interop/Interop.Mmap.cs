using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

internal static partial class Libc
{
    /// <summary><c>void *mmap64(void *addr, size_t len, int prot, int flags, int fd, off64_t off)</c>; <c>MAP_FAILED</c> is -1.</summary>
    [DllImport(Name, EntryPoint = "mmap64", SetLastError = true)]
    internal static extern unsafe void* Mmap(void* addr, nuint length, int prot, int flags, int fd, long offset);

    /// <summary><c>int munmap(void *addr, size_t len)</c>.</summary>
    [DllImport(Name, EntryPoint = "munmap", SetLastError = true)]
    internal static extern unsafe int Munmap(void* addr, nuint length);

    /// <summary><c>int mlock(const void *addr, size_t len)</c>.</summary>
    [DllImport(Name, EntryPoint = "mlock", SetLastError = true)]
    internal static extern unsafe int Mlock(void* addr, nuint length);

    /// <summary><c>int munlock(const void *addr, size_t len)</c>.</summary>
    [DllImport(Name, EntryPoint = "munlock", SetLastError = true)]
    internal static extern unsafe int Munlock(void* addr, nuint length);

    /// <summary><c>long sysconf(int name)</c>.</summary>
    [DllImport(Name, EntryPoint = "sysconf", SetLastError = true)]
    internal static extern nint Sysconf(int name);
}
