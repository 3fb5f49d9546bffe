using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_pci_hot_reset_info</c>: <c>VFIO_DEVICE_GET_PCI_HOT_RESET_INFO</c> header; followed by <c>count</c> devices.</summary>
[FlexibleArray("devices", typeof(vfio_pci_dependent_device))]
[StructLayout(LayoutKind.Sequential)]
public struct vfio_pci_hot_reset_info
{
    /// <summary><c>argsz</c>: size of the whole argument; always set by the caller.</summary>
    public uint argsz;

    /// <summary><c>flags</c></summary>
    public uint flags;

    /// <summary><c>count</c></summary>
    public uint count;
}
