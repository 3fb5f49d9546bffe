using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_pci_hot_reset</c>: <c>VFIO_DEVICE_PCI_HOT_RESET</c> header; followed by <c>count</c> group fds.</summary>
[FlexibleArray("group_fds", typeof(int))]
[StructLayout(LayoutKind.Sequential)]
public struct vfio_pci_hot_reset
{
    /// <summary><c>argsz</c>: size of the whole argument; always set by the caller.</summary>
    public uint argsz;

    /// <summary><c>flags</c></summary>
    public uint flags;

    /// <summary><c>count</c></summary>
    public uint count;
}
