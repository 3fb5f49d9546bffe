using Lab.Vfio.Interop;

namespace Lab.TestCases.Model;

/// <summary>A small sysfs or procfs file read through the case's syscalls (so the fake board can supply it).</summary>
public static class SysfsFile
{
    /// <summary>The first <paramref name="maxBytes"/> bytes of <paramref name="path"/> (one read), or null when it cannot be opened or read.</summary>
    public static unsafe byte[]? Read(IVfioSyscalls syscalls, string path, int maxBytes = 4096)
    {
        if (syscalls is null) { throw new ArgumentNullException(nameof(syscalls)); }
        if (syscalls.Open<FileFd>(path, LibcConstants.O_RDONLY, out var fd) < 0)
        {
            fd.Dispose();
            return null;
        }

        using (fd)
        {
            var buffer = new byte[maxBytes];
            long n;
            // SAFETY: buffer is pinned for the call and read(2) writes at most its length.
            fixed (byte* p = buffer) { n = syscalls.Read(fd, p, (nuint)buffer.Length); }
            return n < 0 ? null : buffer.AsSpan(0, (int)n).ToArray();
        }
    }
}
