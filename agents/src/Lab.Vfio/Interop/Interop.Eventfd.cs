using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

internal static partial class Libc
{
    /// <summary><c>int eventfd(unsigned int initval, int flags)</c>.</summary>
    [DllImport(Name, EntryPoint = "eventfd", SetLastError = true)]
    internal static extern int Eventfd(uint initval, int flags);

    /// <summary><c>int poll(struct pollfd *fds, nfds_t nfds, int timeout)</c>.</summary>
    [DllImport(Name, EntryPoint = "poll", SetLastError = true)]
    internal static extern unsafe int Poll(pollfd* fds, nuint nfds, int timeout);
}
