using System.Globalization;
using Lab.Vfio.Interop;

using Lab.Vfio.Polyfills;

namespace Lab.Vfio;

/// <summary>
/// A mapped register window with width-explicit, bounds- and alignment-checked volatile accessors. Each access
/// is exactly one load or store of the stated width, as device registers need.
/// </summary>
public sealed unsafe class MmioView : IDisposable
{
    private readonly MappedMemory _memory;

    internal MmioView(MappedMemory memory, ulong regionOffset)
    {
        _memory = memory;
        RegionOffset = regionOffset;
    }

    /// <summary>Bytes in the window.</summary>
    public ulong Length => _memory.ByteLength;

    /// <summary>Offset of the window within its region.</summary>
    public ulong RegionOffset { get; }

    /// <summary>Reads one byte.</summary>
    public byte ReadUInt8(ulong offset) => Volatile.Read(ref *(byte*)At(offset, 1));

    /// <summary>Reads a 16-bit register.</summary>
    public ushort ReadUInt16(ulong offset) => Volatile.Read(ref *(ushort*)At(offset, 2));

    /// <summary>Reads a 32-bit register.</summary>
    public uint ReadUInt32(ulong offset) => Volatile.Read(ref *(uint*)At(offset, 4));

    /// <summary>Reads a 64-bit register. NOTE: on armv7 this is one 64-bit access only if the JIT emits ldrd.</summary>
    public ulong ReadUInt64(ulong offset) => (ulong)Volatile.Read(ref *(long*)At(offset, 8));

    /// <summary>Writes one byte.</summary>
    public void WriteUInt8(ulong offset, byte value) => Volatile.Write(ref *(byte*)At(offset, 1), value);

    /// <summary>Writes a 16-bit register.</summary>
    public void WriteUInt16(ulong offset, ushort value) => Volatile.Write(ref *(ushort*)At(offset, 2), value);

    /// <summary>Writes a 32-bit register.</summary>
    public void WriteUInt32(ulong offset, uint value) => Volatile.Write(ref *(uint*)At(offset, 4), value);

    /// <summary>Writes a 64-bit register.</summary>
    public void WriteUInt64(ulong offset, ulong value) => Volatile.Write(ref *(long*)At(offset, 8), (long)value);

    /// <summary>Unmaps the window.</summary>
    public void Dispose() => _memory.Dispose();

    private byte* At(ulong offset, uint width)
    {
        if (offset > Length || Length - offset < width)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), "0x" + offset.ToString("x", CultureInfo.InvariantCulture) + " + " + width.ToString(CultureInfo.InvariantCulture) +
                " is outside the 0x" + Length.ToString("x", CultureInfo.InvariantCulture) + "-byte window");
        }

        if (offset % width != 0)
        {
            throw new ArgumentException("unaligned " + width.ToString(CultureInfo.InvariantCulture) + "-byte access at 0x" + offset.ToString("x", CultureInfo.InvariantCulture), nameof(offset));
        }

        Disposed.ThrowIf(_memory.IsClosed, this);

        // SAFETY: the range [offset, offset + width) was checked to lie within the live mapping above.
        return (byte*)_memory.Address + offset;
    }

    internal static MmioView Map(IVfioSyscalls syscalls, DeviceFd device, ulong fdOffset, ulong regionOffset, ulong length, out int errno)
    {
        errno = -Math.Min(syscalls.Mmap(device, (nuint)length, LibcConstants.PROT_READ | LibcConstants.PROT_WRITE, LibcConstants.MAP_SHARED, (long)fdOffset, out var address), 0);
        return errno != 0 ? null! : new MmioView(new MappedMemory(syscalls, address, length), regionOffset);
    }
}
