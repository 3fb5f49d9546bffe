namespace Lab.Vfio;

/// <summary>
/// A VFIO or libc call failed. The message names the call, the errno (number and symbol) and the argument
/// that mattered, e.g. <c>VFIO_DEVICE_GET_REGION_INFO(index=3) failed: errno 22 EINVAL</c>.
/// </summary>
public sealed class VfioException : Exception
{
    /// <summary>Creates the exception for a failed call.</summary>
    public VfioException(string operation, int errno, string? argument = null)
        : base(Format(operation, errno, argument))
    {
        Operation = operation;
        Errno = errno;
        Argument = argument;
    }

    /// <summary>Creates an exception with a message only (no errno).</summary>
    public VfioException(string message)
        : base(message)
    {
        Operation = string.Empty;
    }

    /// <summary>Creates an exception wrapping another.</summary>
    public VfioException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
    }

    /// <summary>Creates an exception with no details.</summary>
    public VfioException()
    {
        Operation = string.Empty;
    }

    /// <summary>The ioctl or syscall, e.g. <c>VFIO_SET_IOMMU</c> or <c>mmap</c>.</summary>
    public string Operation { get; }

    /// <summary>The errno (positive), 0 when the failure was not a syscall's.</summary>
    public int Errno { get; }

    /// <summary>The errno's symbol, e.g. <c>EINVAL</c>.</summary>
    public string ErrnoName => Lab.Vfio.Errno.Name(Errno);

    /// <summary>The argument that mattered (<c>index=3</c>, <c>iova=0x1000</c>), if any.</summary>
    public string? Argument { get; }

    /// <summary>Throws when <paramref name="result"/> is a negative errno; returns it otherwise.</summary>
    public static long ThrowIfError(long result, string operation, string? argument = null) =>
        result < 0 ? throw new VfioException(operation, (int)-result, argument) : result;

    private static string Format(string operation, int errno, string? argument) =>
        operation + "(" + (argument ?? string.Empty) + ") failed: errno " +
        errno.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Lab.Vfio.Errno.Name(errno);
}
