using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_irq_set</c>: <c>VFIO_DEVICE_SET_IRQS</c> header; followed by <c>count</c> data items: none, <c>__u8</c> bools, or <c>__s32</c> eventfds.</summary>
[FlexibleArray("data", typeof(byte))]
[StructLayout(LayoutKind.Sequential)]
public struct vfio_irq_set
{
    /// <summary><c>argsz</c>: size of the whole argument; always set by the caller.</summary>
    public uint argsz;

    /// <summary><c>flags</c>: <c>VFIO_IRQ_SET_DATA_*</c> | <c>VFIO_IRQ_SET_ACTION_*</c>.</summary>
    public uint flags;

    /// <summary><c>index</c>: IRQ index.</summary>
    public uint index;

    /// <summary><c>start</c>: First sub-index.</summary>
    public uint start;

    /// <summary><c>count</c>: Number of sub-indexes (and data items).</summary>
    public uint count;
}
