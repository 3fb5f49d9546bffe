using System.Text;
using Lab.Vfio.Interop;

namespace Lab.Vfio;

/// <summary>
/// Reads the kernel log records that appear after it was opened (<c>/dev/kmsg</c>, non-blocking, positioned
/// at the end). Each read returns one record, <c>prio,seq,usec,flags;message</c>; the message is returned.
/// </summary>
public sealed unsafe class KernelLog : IDisposable
{
    private const int RecordMax = 8192;
    private readonly IVfioSyscalls _syscalls;
    private readonly FileFd _fd;

    private KernelLog(IVfioSyscalls syscalls, FileFd fd)
    {
        _syscalls = syscalls;
        _fd = fd;
    }

    /// <summary>Opens <c>/dev/kmsg</c> at its end; null (with the errno) when it cannot be read.</summary>
    public static KernelLog? TryOpen(IVfioSyscalls syscalls, out int errno, string path = "/dev/kmsg")
    {
        if (syscalls is null) { throw new ArgumentNullException(nameof(syscalls)); }
        var r = syscalls.Open<FileFd>(path, LibcConstants.O_RDONLY | LibcConstants.O_NONBLOCK, out var fd);
        if (r < 0)
        {
            fd.Dispose();
            errno = -r;
            return null;
        }

        // NOTE: /dev/kmsg's SEEK_END means "after the last record", not a byte offset.
        syscalls.Seek(fd, 0, LibcConstants.SEEK_END);
        errno = 0;
        return new KernelLog(syscalls, fd);
    }

    /// <summary>The messages logged since the last call (or since opening).</summary>
    public IReadOnlyList<string> ReadNew()
    {
        var lines = new List<string>();
        var buffer = new byte[RecordMax];
        for (var i = 0; i < 10000; i++)
        {
            long n;
            // SAFETY: buffer is pinned for the call and the kernel writes at most its length.
            fixed (byte* p = buffer)
            {
                n = _syscalls.Read(_fd, p, RecordMax);
            }

            // EPIPE: records were overwritten before we read them; the next read resumes at the oldest left.
            if (n == -Errno.EPIPE) { continue; }
            if (n <= 0) { break; }
            lines.Add(Message(Encoding.UTF8.GetString(buffer, 0, (int)n)));
        }

        return lines;
    }

    /// <summary>The message part of a <c>/dev/kmsg</c> record (continuation lines dropped).</summary>
    public static string Message(string record)
    {
        if (record is null) { throw new ArgumentNullException(nameof(record)); }
        var semi = record.IndexOf(';');
        var body = semi < 0 ? record : record.Substring(semi + 1);
        var nl = body.IndexOf('\n');
        return nl < 0 ? body : body.Substring(0, nl);
    }

    /// <summary>Closes <c>/dev/kmsg</c>.</summary>
    public void Dispose() => _fd.Dispose();
}
