namespace Lab.Vfio;

/// <summary>
/// Linux errno numbers the lab names (asm-generic values: arm, arm64 and x86-64 agree). The layout tests check
/// each against the C compiler; <see cref="Name"/> turns a number into its symbol for messages and KTAP.
/// </summary>
public static class Errno
{
    /// <summary><c>EPERM</c>.</summary>
    public const int EPERM = 1;

    /// <summary><c>ENOENT</c>.</summary>
    public const int ENOENT = 2;

    /// <summary><c>ESRCH</c>.</summary>
    public const int ESRCH = 3;

    /// <summary><c>EINTR</c>.</summary>
    public const int EINTR = 4;

    /// <summary><c>EIO</c>.</summary>
    public const int EIO = 5;

    /// <summary><c>ENXIO</c>.</summary>
    public const int ENXIO = 6;

    /// <summary><c>E2BIG</c>.</summary>
    public const int E2BIG = 7;

    /// <summary><c>ENOEXEC</c>.</summary>
    public const int ENOEXEC = 8;

    /// <summary><c>EBADF</c>.</summary>
    public const int EBADF = 9;

    /// <summary><c>ECHILD</c>.</summary>
    public const int ECHILD = 10;

    /// <summary><c>EAGAIN</c>.</summary>
    public const int EAGAIN = 11;

    /// <summary><c>ENOMEM</c>.</summary>
    public const int ENOMEM = 12;

    /// <summary><c>EACCES</c>.</summary>
    public const int EACCES = 13;

    /// <summary><c>EFAULT</c>.</summary>
    public const int EFAULT = 14;

    /// <summary><c>EBUSY</c>.</summary>
    public const int EBUSY = 16;

    /// <summary><c>EEXIST</c>.</summary>
    public const int EEXIST = 17;

    /// <summary><c>EXDEV</c>.</summary>
    public const int EXDEV = 18;

    /// <summary><c>ENODEV</c>.</summary>
    public const int ENODEV = 19;

    /// <summary><c>ENOTDIR</c>.</summary>
    public const int ENOTDIR = 20;

    /// <summary><c>EISDIR</c>.</summary>
    public const int EISDIR = 21;

    /// <summary><c>EINVAL</c>.</summary>
    public const int EINVAL = 22;

    /// <summary><c>ENFILE</c>.</summary>
    public const int ENFILE = 23;

    /// <summary><c>EMFILE</c>.</summary>
    public const int EMFILE = 24;

    /// <summary><c>ENOTTY</c>.</summary>
    public const int ENOTTY = 25;

    /// <summary><c>EFBIG</c>.</summary>
    public const int EFBIG = 27;

    /// <summary><c>ENOSPC</c>.</summary>
    public const int ENOSPC = 28;

    /// <summary><c>ESPIPE</c>.</summary>
    public const int ESPIPE = 29;

    /// <summary><c>EROFS</c>.</summary>
    public const int EROFS = 30;

    /// <summary><c>EPIPE</c>.</summary>
    public const int EPIPE = 32;

    /// <summary><c>EDOM</c>.</summary>
    public const int EDOM = 33;

    /// <summary><c>ERANGE</c>.</summary>
    public const int ERANGE = 34;

    /// <summary><c>EDEADLK</c>.</summary>
    public const int EDEADLK = 35;

    /// <summary><c>ENAMETOOLONG</c>.</summary>
    public const int ENAMETOOLONG = 36;

    /// <summary><c>ENOSYS</c>.</summary>
    public const int ENOSYS = 38;

    /// <summary><c>ENOTEMPTY</c>.</summary>
    public const int ENOTEMPTY = 39;

    /// <summary><c>ELOOP</c>.</summary>
    public const int ELOOP = 40;

    /// <summary><c>ENOMSG</c>.</summary>
    public const int ENOMSG = 42;

    /// <summary><c>EOVERFLOW</c>.</summary>
    public const int EOVERFLOW = 75;

    /// <summary><c>EBADFD</c>: file descriptor in bad state (vfio group SET_CONTAINER on a file that is neither a container nor an iommufd, from 6.2).</summary>
    public const int EBADFD = 77;

    /// <summary><c>EOPNOTSUPP</c>.</summary>
    public const int EOPNOTSUPP = 95;

    /// <summary><c>ETIMEDOUT</c>.</summary>
    public const int ETIMEDOUT = 110;

    /// <summary><c>EHWPOISON</c>.</summary>
    public const int EHWPOISON = 133;

    /// <summary><c>ENOTSUPP</c>: kernel-internal (not in libc headers) but it leaks to user space from some drivers.</summary>
    public const int ENOTSUPP = 524;

    /// <summary>The symbol for <paramref name="errno"/> (<c>EINVAL</c>), or <c>E?N</c> when the lab does not know it.</summary>
    public static string Name(int errno) => errno switch
    {
        EPERM => nameof(EPERM),
        ENOENT => nameof(ENOENT),
        ESRCH => nameof(ESRCH),
        EINTR => nameof(EINTR),
        EIO => nameof(EIO),
        ENXIO => nameof(ENXIO),
        E2BIG => nameof(E2BIG),
        ENOEXEC => nameof(ENOEXEC),
        EBADF => nameof(EBADF),
        ECHILD => nameof(ECHILD),
        EAGAIN => nameof(EAGAIN),
        ENOMEM => nameof(ENOMEM),
        EACCES => nameof(EACCES),
        EFAULT => nameof(EFAULT),
        EBUSY => nameof(EBUSY),
        EEXIST => nameof(EEXIST),
        EXDEV => nameof(EXDEV),
        ENODEV => nameof(ENODEV),
        ENOTDIR => nameof(ENOTDIR),
        EISDIR => nameof(EISDIR),
        EINVAL => nameof(EINVAL),
        ENFILE => nameof(ENFILE),
        EMFILE => nameof(EMFILE),
        ENOTTY => nameof(ENOTTY),
        EFBIG => nameof(EFBIG),
        ENOSPC => nameof(ENOSPC),
        ESPIPE => nameof(ESPIPE),
        EROFS => nameof(EROFS),
        EPIPE => nameof(EPIPE),
        EDOM => nameof(EDOM),
        ERANGE => nameof(ERANGE),
        EDEADLK => nameof(EDEADLK),
        ENAMETOOLONG => nameof(ENAMETOOLONG),
        ENOSYS => nameof(ENOSYS),
        ENOTEMPTY => nameof(ENOTEMPTY),
        ELOOP => nameof(ELOOP),
        ENOMSG => nameof(ENOMSG),
        EOVERFLOW => nameof(EOVERFLOW),
        EBADFD => nameof(EBADFD),
        EOPNOTSUPP => nameof(EOPNOTSUPP),
        ETIMEDOUT => nameof(ETIMEDOUT),
        EHWPOISON => nameof(EHWPOISON),
        ENOTSUPP => nameof(ENOTSUPP),
        _ => "E?" + errno.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
