using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_pci_dependent_device</c>: One entry of <c>struct vfio_pci_hot_reset_info</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_pci_dependent_device
{
    /// <summary><c>group_id</c></summary>
    public uint group_id;

    /// <summary><c>segment</c></summary>
    public ushort segment;

    /// <summary><c>bus</c></summary>
    public byte bus;

    /// <summary><c>devfn</c>: PCI_SLOT/PCI_FUNC.</summary>
    public byte devfn;
}
