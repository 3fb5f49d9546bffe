namespace Lab.Vfio.Interop;

/// <summary>
/// The seam between the VFIO logic and the kernel. Every call returns its result (&gt;= 0) or <c>-errno</c>,
/// never throws for a kernel error, so wrappers can offer both throwing and Try-style calls and fakes can
/// script any errno. <see cref="LinuxVfioSyscalls"/> is the real one; <c>Lab.Vfio.Testing.FakeVfioSyscalls</c>
/// models the kernel's argsz and capability rules for unit tests.
/// </summary>
public unsafe interface IVfioSyscalls
{
    /// <summary>The page size (<c>sysconf(_SC_PAGESIZE)</c>).</summary>
    long PageSize { get; }

    /// <summary><c>open(path, flags | O_CLOEXEC)</c>; on failure <paramref name="handle"/> is invalid.</summary>
    int Open<T>(string path, int flags, out T handle)
        where T : FdHandle, new();

    /// <summary><c>close(fd)</c>; called by <see cref="FdHandle"/> on release only.</summary>
    int Close(int fd);

    /// <summary><c>ioctl</c> on a container fd; <paramref name="arg"/> is a pointer or a value, per request.</summary>
    int Ioctl(ContainerFd fd, VfioContainerIoctl request, nint arg);

    /// <summary><c>ioctl</c> on a group fd (not <c>VFIO_GROUP_GET_DEVICE_FD</c>: see <see cref="GetDeviceFd"/>).</summary>
    int Ioctl(GroupFd fd, VfioGroupIoctl request, nint arg);

    /// <summary><c>ioctl</c> on a device fd.</summary>
    int Ioctl(DeviceFd fd, VfioDeviceIoctl request, nint arg);

    /// <summary><c>VFIO_GROUP_GET_DEVICE_FD</c>: the one ioctl that returns an fd.</summary>
    int GetDeviceFd(GroupFd group, string name, out DeviceFd device);

    /// <summary><c>pread64</c>: bytes read or -errno.</summary>
    long PRead(FdHandle fd, void* buffer, nuint count, long offset);

    /// <summary><c>pwrite64</c>: bytes written or -errno.</summary>
    long PWrite(FdHandle fd, void* buffer, nuint count, long offset);

    /// <summary><c>read</c>: bytes read or -errno.</summary>
    long Read(FdHandle fd, void* buffer, nuint count);

    /// <summary><c>write</c>: bytes written or -errno.</summary>
    long Write(FdHandle fd, void* buffer, nuint count);

    /// <summary><c>lseek64</c>: new offset or -errno.</summary>
    long Seek(FdHandle fd, long offset, int whence);

    /// <summary><c>mmap64</c>; <paramref name="fd"/> null for anonymous memory.</summary>
    int Mmap(FdHandle? fd, nuint length, int prot, int flags, long offset, out nint address);

    /// <summary><c>munmap</c>.</summary>
    int Munmap(nint address, nuint length);

    /// <summary><c>mlock</c>.</summary>
    int Mlock(nint address, nuint length);

    /// <summary><c>munlock</c>.</summary>
    int Munlock(nint address, nuint length);

    /// <summary><c>eventfd(initval, flags)</c>.</summary>
    int CreateEventfd(uint initialValue, int flags, out EventFdHandle handle);

    /// <summary><c>poll</c> on one fd: 1 ready (see <paramref name="revents"/>), 0 timeout, or -errno.</summary>
    int Poll(FdHandle fd, short events, int timeoutMs, out short revents);
}
