using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct pollfd</c> from <c>&lt;poll.h&gt;</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct pollfd
{
    /// <summary><c>fd</c>.</summary>
    public int fd;

    /// <summary><c>events</c>: requested <c>POLL*</c> bits.</summary>
    public short events;

    /// <summary><c>revents</c>: returned <c>POLL*</c> bits.</summary>
    public short revents;
}
