using Lab.Vfio.Interop;

namespace Lab.Vfio;

/// <summary>A non-blocking eventfd: the kernel signals an IRQ on it; wait with a timeout, read the count.</summary>
public sealed unsafe class Eventfd : IDisposable
{
    private Eventfd(IVfioSyscalls syscalls, EventFdHandle handle)
    {
        Syscalls = syscalls;
        Handle = handle;
    }

    /// <summary>The syscall layer it uses.</summary>
    public IVfioSyscalls Syscalls { get; }

    internal EventFdHandle Handle { get; }

    /// <summary>Creates an eventfd (<c>EFD_NONBLOCK | EFD_CLOEXEC</c>).</summary>
    public static Eventfd Create(IVfioSyscalls? syscalls = null, uint initialValue = 0, bool semaphore = false)
    {
        var sys = syscalls ?? LinuxVfioSyscalls.Instance;
        var flags = LibcConstants.EFD_NONBLOCK | (semaphore ? LibcConstants.EFD_SEMAPHORE : 0);
        var r = sys.CreateEventfd(initialValue, flags, out var handle);
        if (r < 0)
        {
            handle.Dispose();
            throw new VfioException("eventfd", -r);
        }

        return new Eventfd(sys, handle);
    }

    /// <summary>Waits until the count is non-zero; false on timeout.</summary>
    public bool Wait(TimeSpan timeout)
    {
        var ms = timeout < TimeSpan.Zero ? -1 : (int)Math.Min(int.MaxValue, Math.Ceiling(timeout.TotalMilliseconds));
        while (true)
        {
            var r = Syscalls.Poll(Handle, LibcConstants.POLLIN, ms, out var revents);
            if (r == -Errno.EINTR) { continue; }
            if (r < 0) { throw new VfioException("poll", -r, "eventfd"); }
            return r > 0 && (revents & LibcConstants.POLLIN) != 0;
        }
    }

    /// <summary>Reads and clears the count; throws with EAGAIN when it is zero.</summary>
    public ulong Read()
    {
        var errno = TryRead(out var value);
        return errno == 0 ? value : throw new VfioException("read", errno, "eventfd");
    }

    /// <summary>Reads and clears the count; returns 0 or the errno (EAGAIN: nothing signalled).</summary>
    public int TryRead(out ulong value)
    {
        ulong v = 0;
        // SAFETY: v is a local 8-byte buffer, the exact size an eventfd read needs.
        var r = Syscalls.Read(Handle, &v, sizeof(ulong));
        value = v;
        return r < 0 ? (int)-r : r == sizeof(ulong) ? 0 : Errno.EIO;
    }

    /// <summary>Adds <paramref name="value"/> to the count (what the kernel does on an IRQ).</summary>
    public void Signal(ulong value = 1)
    {
        // SAFETY: value is a local 8-byte buffer, the exact size an eventfd write needs.
        var r = Syscalls.Write(Handle, &value, sizeof(ulong));
        if (r < 0) { throw new VfioException("write", (int)-r, "eventfd"); }
    }

    /// <summary>Closes the eventfd.</summary>
    public void Dispose() => Handle.Dispose();
}
