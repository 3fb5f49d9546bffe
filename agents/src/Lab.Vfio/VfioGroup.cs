using Lab.Vfio.Interop;

namespace Lab.Vfio;

/// <summary>A VFIO group (<c>/dev/vfio/N</c> or <c>/dev/vfio/noiommu-N</c>): status, container, device fds.</summary>
public sealed unsafe class VfioGroup : IDisposable
{
    private VfioGroup(IVfioSyscalls syscalls, GroupFd handle, string path)
    {
        Syscalls = syscalls;
        Handle = handle;
        Path = path;
    }

    /// <summary>The syscall layer this group uses.</summary>
    public IVfioSyscalls Syscalls { get; }

    /// <summary>The group node this was opened from.</summary>
    public string Path { get; }

    internal GroupFd Handle { get; }

    /// <summary>Opens a group; throws <see cref="VfioException"/> on failure.</summary>
    public static VfioGroup Open(string path, IVfioSyscalls? syscalls = null)
    {
        var errno = TryOpen(syscalls ?? LinuxVfioSyscalls.Instance, path, out var group);
        return errno == 0 ? group! : throw new VfioException("open", errno, path);
    }

    /// <summary>Opens a group; returns 0 or the errno.</summary>
    public static int TryOpen(IVfioSyscalls syscalls, string path, out VfioGroup? group)
    {
        if (syscalls is null) { throw new ArgumentNullException(nameof(syscalls)); }
        var r = syscalls.Open<GroupFd>(path, LibcConstants.O_RDWR, out var fd);
        group = r < 0 ? null : new VfioGroup(syscalls, fd, path);
        if (r < 0) { fd.Dispose(); }
        return -Math.Min(r, 0);
    }

    /// <summary><c>VFIO_GROUP_GET_STATUS</c>.</summary>
    public VfioGroupStatus GetStatus()
    {
        var errno = TryGetStatus(out var status);
        return errno == 0 ? status! : throw new VfioException(nameof(VfioGroupIoctl.VFIO_GROUP_GET_STATUS), errno, Path);
    }

    /// <summary><c>VFIO_GROUP_GET_STATUS</c>; returns 0 or the errno.</summary>
    public int TryGetStatus(out VfioGroupStatus? status)
    {
        var s = new vfio_group_status { argsz = (uint)sizeof(vfio_group_status) };
        // SAFETY: s is a local that outlives the synchronous ioctl.
        var r = Syscalls.Ioctl(Handle, VfioGroupIoctl.VFIO_GROUP_GET_STATUS, (nint)(&s));
        status = r < 0 ? null : new VfioGroupStatus(s.flags);
        return -Math.Min(r, 0);
    }

    /// <summary><c>VFIO_GROUP_SET_CONTAINER</c>.</summary>
    public void SetContainer(VfioContainer container)
    {
        var errno = TrySetContainer(container);
        if (errno != 0) { throw new VfioException(nameof(VfioGroupIoctl.VFIO_GROUP_SET_CONTAINER), errno, Path); }
    }

    /// <summary><c>VFIO_GROUP_SET_CONTAINER</c>; returns 0 or the errno.</summary>
    public int TrySetContainer(VfioContainer container)
    {
        if (container is null) { throw new ArgumentNullException(nameof(container)); }
        using var lease = new FdLease(container.Handle);
        var fd = lease.Fd;
        // SAFETY: fd is a local that outlives the synchronous ioctl; the lease keeps the container fd open.
        return -Math.Min(Syscalls.Ioctl(Handle, VfioGroupIoctl.VFIO_GROUP_SET_CONTAINER, (nint)(&fd)), 0);
    }

    /// <summary>
    /// <c>VFIO_GROUP_SET_CONTAINER</c> with an arbitrary fd number, for negative tests (e.g. -1); returns 0 or the errno.
    /// </summary>
    public int TrySetContainerFd(int fd) =>
        // SAFETY: fd is a local that outlives the synchronous ioctl.
        -Math.Min(Syscalls.Ioctl(Handle, VfioGroupIoctl.VFIO_GROUP_SET_CONTAINER, (nint)(&fd)), 0);

    /// <summary><c>VFIO_GROUP_SET_CONTAINER</c> with an eventfd (not a container), for negative tests; returns 0 or the errno.</summary>
    public int TrySetContainer(Eventfd notAContainer)
    {
        if (notAContainer is null) { throw new ArgumentNullException(nameof(notAContainer)); }
        using var lease = new FdLease(notAContainer.Handle);
        return TrySetContainerFd(lease.Fd);
    }

    /// <summary><c>VFIO_GROUP_UNSET_CONTAINER</c>.</summary>
    public void UnsetContainer()
    {
        var errno = TryUnsetContainer();
        if (errno != 0) { throw new VfioException(nameof(VfioGroupIoctl.VFIO_GROUP_UNSET_CONTAINER), errno, Path); }
    }

    /// <summary><c>VFIO_GROUP_UNSET_CONTAINER</c>; returns 0 or the errno.</summary>
    public int TryUnsetContainer() => -Math.Min(Syscalls.Ioctl(Handle, VfioGroupIoctl.VFIO_GROUP_UNSET_CONTAINER, 0), 0);

    /// <summary><c>VFIO_GROUP_GET_DEVICE_FD</c> by the device's name (its sysfs name, e.g. <c>9010000.pl031</c>).</summary>
    public VfioDevice OpenDevice(string name)
    {
        var errno = TryOpenDevice(name, out var device);
        return errno == 0 ? device! : throw new VfioException(nameof(VfioGroupIoctl.VFIO_GROUP_GET_DEVICE_FD), errno, name);
    }

    /// <summary><c>VFIO_GROUP_GET_DEVICE_FD</c>; returns 0 or the errno.</summary>
    public int TryOpenDevice(string name, out VfioDevice? device)
    {
        var r = Syscalls.GetDeviceFd(Handle, name, out var fd);
        device = r < 0 ? null : new VfioDevice(Syscalls, fd, name);
        if (r < 0) { fd.Dispose(); }
        return -Math.Min(r, 0);
    }

    /// <summary>Closes the group fd.</summary>
    public void Dispose() => Handle.Dispose();
}
