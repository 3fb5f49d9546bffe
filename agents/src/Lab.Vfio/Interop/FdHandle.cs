using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary>
/// A file descriptor owned by the <see cref="IVfioSyscalls"/> that opened it, closed through it on release.
/// Subclasses name the fd kind, so an ioctl meant for one kind cannot be sent to another.
/// </summary>
public abstract class FdHandle : SafeHandle
{
    private IVfioSyscalls? _owner;

    /// <summary>Creates an invalid handle (-1).</summary>
    protected FdHandle()
        : base(new IntPtr(-1), ownsHandle: true)
    {
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == new IntPtr(-1);

    /// <summary>The raw fd, for the syscall layer only. Valid while the handle is referenced.</summary>
    internal int RawFd => (int)handle;

    /// <summary>Makes this handle own <paramref name="fd"/>; <see cref="IVfioSyscalls"/> implementations call it.</summary>
    public void Attach(IVfioSyscalls owner, int fd)
    {
        if (!IsInvalid) { throw new InvalidOperationException("the handle already owns an fd"); }
        _owner = owner ?? throw new ArgumentNullException(nameof(owner));
        SetHandle(new IntPtr(fd));
    }

    /// <summary>The fd number, for fakes and diagnostics (the fake's fd table is keyed by it).</summary>
    public int FdNumber => (int)handle;

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => _owner is null || _owner.Close(RawFd) == 0;
}
