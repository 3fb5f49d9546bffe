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
    /// <summary>Builds the buffer.</summary>
    public static byte[] Build(uint flags, uint index, uint start, uint count, ReadOnlySpan<byte> data)
    {
        var header = Marshal.SizeOf<vfio_irq_set>();
        var buffer = new byte[header + data.Length];
        var set = new vfio_irq_set
        {
            argsz = (uint)buffer.Length,
            flags = flags,
            index = index,
            start = start,
            count = count,
        };
        StructBytes.Write(buffer, set);
        data.CopyTo(buffer.AsSpan(header));
        return buffer;
    }
}
