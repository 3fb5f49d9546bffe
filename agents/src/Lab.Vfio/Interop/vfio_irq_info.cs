using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_irq_info</c>: <c>VFIO_DEVICE_GET_IRQ_INFO</c> argument.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_irq_info
{
    /// <summary><c>argsz</c>: size of the whole argument; always set by the caller.</summary>
    public uint argsz;

    /// <summary><c>flags</c>: <c>VFIO_IRQ_INFO_*</c>.</summary>
    public uint flags;

    /// <summary><c>index</c>: IRQ index (in).</summary>
    public uint index;

    /// <summary><c>count</c>: Number of IRQs within this index.</summary>
    public uint count;
}
