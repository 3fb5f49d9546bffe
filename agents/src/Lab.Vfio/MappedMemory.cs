using System.Runtime.InteropServices;
using Lab.Vfio.Interop;

namespace Lab.Vfio;

/// <summary>An mmap'ed range that is unmapped (through the syscall layer that mapped it) on release.</summary>
public sealed class MappedMemory : SafeBuffer
{
    private readonly IVfioSyscalls _syscalls;

    internal MappedMemory(IVfioSyscalls syscalls, nint address, ulong length)
        : base(ownsHandle: true)
    {
        _syscalls = syscalls;
        SetHandle(address);
        Initialize(length);
    }

    /// <summary>The mapping's address.</summary>
    public nint Address => handle;

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => _syscalls.Munmap(handle, (nuint)ByteLength) == 0;
}
