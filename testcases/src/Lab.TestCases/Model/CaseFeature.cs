namespace Lab.TestCases.Model;

/// <summary>What a case needs from the board and device; missing ones make it skip with a reason.</summary>
[Flags]
public enum CaseFeature
{
    /// <summary>Only the container.</summary>
    None = 0,

    /// <summary>An open group.</summary>
    Group = 1 << 0,

    /// <summary>An open device fd (implies the group and an IOMMU set).</summary>
    Device = 1 << 1,

    /// <summary>A type1 IOMMU.</summary>
    Type1 = 1 << 2,

    /// <summary>No-IOMMU mode.</summary>
    NoIommu = 1 << 3,

    /// <summary>The device has at least one IRQ.</summary>
    Irq = 1 << 4,

    /// <summary>The device has an mmap-able region.</summary>
    MmapRegion = 1 << 5,

    /// <summary>Root (pagemap physical addresses, /dev/kmsg).</summary>
    Root = 1 << 6,

    /// <summary>
    /// The group opened by the case itself: the runner closes the shared device, group and container before the
    /// case and reopens them after (a group fd can be open only once).
    /// </summary>
    FreshGroup = 1 << 7,
}
