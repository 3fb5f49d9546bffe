using System.Text;
using Lab.Vfio.Polyfills;

namespace Lab.Vfio.Interop;

/// <summary>The real <see cref="IVfioSyscalls"/>: glibc on Linux.</summary>
public sealed unsafe class LinuxVfioSyscalls : IVfioSyscalls
{
    private long _pageSize;

    /// <summary>The process-wide instance.</summary>
    public static LinuxVfioSyscalls Instance { get; } = new();

    /// <inheritdoc/>
    public long PageSize
    {
        get
        {
            if (_pageSize == 0)
            {
                var size = (long)Libc.Sysconf(LibcConstants._SC_PAGESIZE);
                _pageSize = size > 0 ? size : 4096;
            }

            return _pageSize;
        }
    }

    /// <inheritdoc/>
    public int Open<T>(string path, int flags, out T handle)
        where T : FdHandle, new()
    {
        handle = new T();
        var bytes = CString(path);
        int fd;
        // SAFETY: bytes is NUL-terminated and pinned for the call.
        fixed (byte* p = bytes)
        {
            fd = Libc.Open(p, flags | LibcConstants.O_CLOEXEC, 0);
        }

        if (fd < 0) { return -LastError.Get(); }
        handle.Attach(this, fd);
        return 0;
    }

    /// <inheritdoc/>
    public int Close(int fd) => Libc.Close(fd) == 0 ? 0 : -LastError.Get();

    /// <inheritdoc/>
    public int Ioctl(ContainerFd fd, VfioContainerIoctl request, nint arg) => IoctlCore(fd, (uint)request, arg);

    /// <inheritdoc/>
    public int Ioctl(GroupFd fd, VfioGroupIoctl request, nint arg) => IoctlCore(fd, (uint)request, arg);

    /// <inheritdoc/>
    public int Ioctl(DeviceFd fd, VfioDeviceIoctl request, nint arg) => IoctlCore(fd, (uint)request, arg);

    /// <inheritdoc/>
    public int GetDeviceFd(GroupFd group, string name, out DeviceFd device)
    {
        device = new DeviceFd();
        var bytes = CString(name);
        int fd;
        // SAFETY: bytes is NUL-terminated and pinned for the call; the kernel only reads it.
        fixed (byte* p = bytes)
        {
            fd = IoctlCore(group, (uint)VfioGroupIoctl.VFIO_GROUP_GET_DEVICE_FD, (nint)p);
        }

        if (fd < 0) { return fd; }
        device.Attach(this, fd);
        return 0;
    }

    /// <inheritdoc/>
    public long PRead(FdHandle fd, void* buffer, nuint count, long offset)
    {
        using var lease = new FdLease(fd);
        return Result(Libc.PRead(lease.Fd, buffer, count, offset));
    }

    /// <inheritdoc/>
    public long PWrite(FdHandle fd, void* buffer, nuint count, long offset)
    {
        using var lease = new FdLease(fd);
        return Result(Libc.PWrite(lease.Fd, buffer, count, offset));
    }

    /// <inheritdoc/>
    public long Read(FdHandle fd, void* buffer, nuint count)
    {
        using var lease = new FdLease(fd);
        return Result(Libc.Read(lease.Fd, buffer, count));
    }

    /// <inheritdoc/>
    public long Write(FdHandle fd, void* buffer, nuint count)
    {
        using var lease = new FdLease(fd);
        return Result(Libc.Write(lease.Fd, buffer, count));
    }

    /// <inheritdoc/>
    public long Seek(FdHandle fd, long offset, int whence)
    {
        using var lease = new FdLease(fd);
        var r = Libc.Lseek(lease.Fd, offset, whence);
        return r < 0 ? -LastError.Get() : r;
    }

    /// <inheritdoc/>
    public int Mmap(FdHandle? fd, nuint length, int prot, int flags, long offset, out nint address)
    {
        void* result;
        if (fd is null)
        {
            result = Libc.Mmap(null, length, prot, flags, -1, offset);
        }
        else
        {
            using var lease = new FdLease(fd);
            result = Libc.Mmap(null, length, prot, flags, lease.Fd, offset);
        }

        // NOTE: MAP_FAILED is (void *)-1, not NULL.
        if ((nint)result == -1)
        {
            address = 0;
            return -LastError.Get();
        }

        address = (nint)result;
        return 0;
    }

    /// <inheritdoc/>
    public int Munmap(nint address, nuint length) => Libc.Munmap((void*)address, length) == 0 ? 0 : -LastError.Get();

    /// <inheritdoc/>
    public int Mlock(nint address, nuint length) => Libc.Mlock((void*)address, length) == 0 ? 0 : -LastError.Get();

    /// <inheritdoc/>
    public int Munlock(nint address, nuint length) => Libc.Munlock((void*)address, length) == 0 ? 0 : -LastError.Get();

    /// <inheritdoc/>
    public int CreateEventfd(uint initialValue, int flags, out EventFdHandle handle)
    {
        handle = new EventFdHandle();
        var fd = Libc.Eventfd(initialValue, flags | LibcConstants.EFD_CLOEXEC);
        if (fd < 0) { return -LastError.Get(); }
        handle.Attach(this, fd);
        return 0;
    }

    /// <inheritdoc/>
    public int Poll(FdHandle fd, short events, int timeoutMs, out short revents)
    {
        using var lease = new FdLease(fd);
        var p = new pollfd { fd = lease.Fd, events = events };
        var n = Libc.Poll(&p, 1, timeoutMs);
        revents = p.revents;
        return n < 0 ? -LastError.Get() : n;
    }

    private static int IoctlCore(FdHandle fd, uint request, nint arg)
    {
        using var lease = new FdLease(fd);
        var r = Libc.Ioctl(lease.Fd, request, arg);
        return r < 0 ? -LastError.Get() : r;
    }

    private static long Result(nint r) => r < 0 ? -LastError.Get() : r;

    private static byte[] CString(string s)
    {
        if (s is null) { throw new ArgumentNullException(nameof(s)); }
        if (s.Contains("\0")) { throw new ArgumentException("embedded NUL", nameof(s)); }
        var bytes = new byte[Encoding.UTF8.GetByteCount(s) + 1];
        Encoding.UTF8.GetBytes(s, 0, s.Length, bytes, 0);
        return bytes;
    }
}
