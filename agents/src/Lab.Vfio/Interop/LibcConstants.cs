namespace Lab.Vfio.Interop;

/// <summary>
/// The libc constants the interop passes (Linux generic values; arm, arm64 and x86-64 agree on these). The
/// layout tests compare each with the C compiler's view for every target.
/// </summary>
public static class LibcConstants
{
    /// <summary><c>O_RDONLY</c>.</summary>
    public const int O_RDONLY = 0;

    /// <summary><c>O_WRONLY</c>.</summary>
    public const int O_WRONLY = 1;

    /// <summary><c>O_RDWR</c>.</summary>
    public const int O_RDWR = 2;

    /// <summary><c>O_NONBLOCK</c>.</summary>
    public const int O_NONBLOCK = 0x800;

    /// <summary><c>O_CLOEXEC</c>.</summary>
    public const int O_CLOEXEC = 0x80000;

    /// <summary><c>PROT_NONE</c>.</summary>
    public const int PROT_NONE = 0;

    /// <summary><c>PROT_READ</c>.</summary>
    public const int PROT_READ = 1;

    /// <summary><c>PROT_WRITE</c>.</summary>
    public const int PROT_WRITE = 2;

    /// <summary><c>MAP_SHARED</c>.</summary>
    public const int MAP_SHARED = 1;

    /// <summary><c>MAP_PRIVATE</c>.</summary>
    public const int MAP_PRIVATE = 2;

    /// <summary><c>MAP_ANONYMOUS</c>.</summary>
    public const int MAP_ANONYMOUS = 0x20;

    /// <summary><c>MAP_POPULATE</c>.</summary>
    public const int MAP_POPULATE = 0x8000;

    /// <summary><c>MAP_LOCKED</c>.</summary>
    public const int MAP_LOCKED = 0x2000;

    /// <summary><c>EFD_CLOEXEC</c> (== <c>O_CLOEXEC</c>).</summary>
    public const int EFD_CLOEXEC = O_CLOEXEC;

    /// <summary><c>EFD_NONBLOCK</c> (== <c>O_NONBLOCK</c>).</summary>
    public const int EFD_NONBLOCK = O_NONBLOCK;

    /// <summary><c>EFD_SEMAPHORE</c>.</summary>
    public const int EFD_SEMAPHORE = 1;

    /// <summary><c>POLLIN</c>.</summary>
    public const short POLLIN = 0x1;

    /// <summary><c>POLLPRI</c>.</summary>
    public const short POLLPRI = 0x2;

    /// <summary><c>POLLOUT</c>.</summary>
    public const short POLLOUT = 0x4;

    /// <summary><c>POLLERR</c>.</summary>
    public const short POLLERR = 0x8;

    /// <summary><c>POLLHUP</c>.</summary>
    public const short POLLHUP = 0x10;

    /// <summary><c>POLLNVAL</c>.</summary>
    public const short POLLNVAL = 0x20;

    /// <summary><c>_SC_PAGESIZE</c>.</summary>
    public const int _SC_PAGESIZE = 30;

    /// <summary><c>SEEK_SET</c>.</summary>
    public const int SEEK_SET = 0;

    /// <summary><c>SEEK_CUR</c>.</summary>
    public const int SEEK_CUR = 1;

    /// <summary><c>SEEK_END</c>.</summary>
    public const int SEEK_END = 2;
}
