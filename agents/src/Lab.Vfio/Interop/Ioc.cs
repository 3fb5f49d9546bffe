namespace Lab.Vfio.Interop;

/// <summary>
/// The ioctl number encoding of <c>include/uapi/asm-generic/ioctl.h</c> (x86, arm and arm64 all use it).
/// The <c>*Shift</c>/<c>*Dir</c> constants let enums build numbers as constant expressions; the methods are
/// the same macros for run-time use.
/// </summary>
public static class Ioc
{
    /// <summary><c>_IOC_NRSHIFT</c>.</summary>
    public const int NrShift = 0;

    /// <summary><c>_IOC_TYPESHIFT</c>.</summary>
    public const int TypeShift = 8;

    /// <summary><c>_IOC_SIZESHIFT</c>.</summary>
    public const int SizeShift = 16;

    /// <summary><c>_IOC_DIRSHIFT</c>.</summary>
    public const int DirShift = 30;

    /// <summary><c>_IOC_NONE</c>.</summary>
    public const uint None = 0;

    /// <summary><c>_IOC_WRITE</c>.</summary>
    public const uint Write = 1;

    /// <summary><c>_IOC_READ</c>.</summary>
    public const uint Read = 2;

    /// <summary>
    /// <c>_IO(VFIO_TYPE, 0)</c>: the direction and type bits every VFIO ioctl shares. NOTE: VFIO encodes no
    /// size or direction in its numbers (all are plain <c>_IO</c>), so the kernel cannot tell a struct's
    /// size from the number: that is what <c>argsz</c> is for.
    /// </summary>
    public const uint VfioIo = (None << DirShift) | (VfioConstants.VFIO_TYPE << TypeShift);

    /// <summary><c>_IOC(dir, type, nr, size)</c>.</summary>
    public static uint Encode(uint dir, uint type, uint nr, uint size) =>
        (dir << DirShift) | (type << TypeShift) | (nr << NrShift) | (size << SizeShift);

    /// <summary><c>_IO(type, nr)</c>.</summary>
    public static uint IO(uint type, uint nr) => Encode(None, type, nr, 0);

    /// <summary><c>_IOR(type, nr, size)</c>.</summary>
    public static uint IOR(uint type, uint nr, uint size) => Encode(Read, type, nr, size);

    /// <summary><c>_IOW(type, nr, size)</c>.</summary>
    public static uint IOW(uint type, uint nr, uint size) => Encode(Write, type, nr, size);

    /// <summary><c>_IOWR(type, nr, size)</c>.</summary>
    public static uint IOWR(uint type, uint nr, uint size) => Encode(Read | Write, type, nr, size);
}
