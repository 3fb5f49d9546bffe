namespace Lab.Vfio;

/// <summary>One device a PCI hot reset would also reset (<c>struct vfio_pci_dependent_device</c>).</summary>
/// <param name="GroupId">Its IOMMU group.</param>
/// <param name="Segment">PCI segment.</param>
/// <param name="Bus">PCI bus.</param>
/// <param name="Devfn">PCI_SLOT/PCI_FUNC.</param>
public sealed record VfioPciDependentDevice(uint GroupId, ushort Segment, byte Bus, byte Devfn)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Segment:x4}:{Bus:x2}:{Devfn >> 3:x2}.{Devfn & 7:x} (group {GroupId})";
}
