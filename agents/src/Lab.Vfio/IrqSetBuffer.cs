using System.Runtime.InteropServices;
using Lab.Vfio.Interop;

using Lab.Vfio.Polyfills;

namespace Lab.Vfio;

/// <summary>
/// Lays out a <c>VFIO_DEVICE_SET_IRQS</c> argument: <c>struct vfio_irq_set</c> followed directly by the data
/// (<c>data[]</c> sits at offsetof(vfio_irq_set, data) == sizeof, 20 bytes); argsz covers both.
/// </summary>
public static class IrqSetBuffer
{
    /// <summary>Size of the header, <c>sizeof(struct vfio_irq_set)</c>.</summary>
    public static readonly int HeaderSize = Marshal.SizeOf<vfio_irq_set>();

    /// <summary>Builds the buffer.</summary>
    public static byte[] Build(uint flags, uint index, uint start, uint count, ReadOnlySpan<byte> data)
    {
        var buffer = new byte[HeaderSize + data.Length];
        Write(buffer, flags, index, start, count, data);
        return buffer;
    }

    /// <summary>Lays the argument out in <paramref name="buffer"/>, exactly header + data bytes long (argsz).</summary>
    public static void Write(Span<byte> buffer, uint flags, uint index, uint start, uint count, ReadOnlySpan<byte> data)
    {
        if (buffer.Length != HeaderSize + data.Length) { throw new ArgumentException("buffer is not header + data bytes long", nameof(buffer)); }
        var set = new vfio_irq_set
        {
            argsz = (uint)buffer.Length,
            flags = flags,
            index = index,
            start = start,
            count = count,
        };
        StructBytes.Write(buffer, set);
        data.CopyTo(buffer.Slice(HeaderSize));
    }
}
