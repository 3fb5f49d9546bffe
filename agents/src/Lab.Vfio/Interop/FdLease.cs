namespace Lab.Vfio.Interop;

/// <summary>
/// Holds a reference on an <see cref="FdHandle"/> for the length of one syscall, so a concurrent Dispose
/// cannot close (and the kernel recycle) the fd mid-call.
/// </summary>
internal readonly struct FdLease : IDisposable
{
    private readonly FdHandle _handle;
    private readonly bool _added;

    internal FdLease(FdHandle handle)
    {
        _handle = handle ?? throw new ArgumentNullException(nameof(handle));
        var added = false;
        handle.DangerousAddRef(ref added);
        _added = added;
    }

    /// <summary>The raw fd, valid until <see cref="Dispose"/>.</summary>
    internal int Fd => _handle.RawFd;

    public void Dispose()
    {
        if (_added) { _handle.DangerousRelease(); }
    }
}
