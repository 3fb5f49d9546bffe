using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_device_info</c>: <c>VFIO_DEVICE_GET_INFO</c> argument, newest layout (24 bytes). NOTE: it grew 16 (argsz..num_irqs) -> 20 (cap_offset, 4.x) -> 24 (pad, 6.5); the kernel copies min(argsz, its size), so the newest layout works on every kernel.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_device_info
{
    /// <summary><c>argsz</c>: size of the whole argument; always set by the caller.</summary>
    public uint argsz;

    /// <summary><c>flags</c>: <c>VFIO_DEVICE_FLAGS_*</c>.</summary>
    public uint flags;

    /// <summary><c>num_regions</c>: Max region index + 1.</summary>
    public uint num_regions;

    /// <summary><c>num_irqs</c>: Max IRQ index + 1.</summary>
    public uint num_irqs;

    /// <summary><c>cap_offset</c>: Offset of the first capability within the info buffer, when <c>VFIO_DEVICE_FLAGS_CAPS</c>.</summary>
    public uint cap_offset;

    /// <summary><c>pad</c>: Padding to 8 bytes.</summary>
    [KernelSince("6.5")]
    public uint pad;
}
