using System.ComponentModel;

namespace Lab.Orchestrator.Core.Config;

/// <summary>A device under test: how to find it, which VFIO driver takes it, how its DMA is isolated.</summary>
public sealed record DeviceConfig
{
    /// <summary>Name, unique on the board.</summary>
    [Description("Name, unique on the board.")]
    public required string Name { get; init; }

    /// <summary>How to find the device on the board.</summary>
    [Description("How to find the device: exactly one of the keys.")]
    public required DeviceMatch Match { get; init; }

    /// <summary>The VFIO driver to bind.</summary>
    [Description("vfio-platform, vfio-amba or vfio-pci.")]
    public required VfioDriver Driver { get; init; }

    /// <summary>The IOMMU mode.</summary>
    [Description("noiommu or type1.")]
    public required IommuMode Iommu { get; init; }

    /// <summary>Feature tags of this device (cases can require them).</summary>
    [Description("Feature tags of this device, e.g. level-irq, mmap, dma; cases needing one (pl330, multi-irq: several IRQ indexes) are planned only on devices that have it.")]
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>The QEMU disk behind this device (a <c>qemu.disks</c> id), checked on the host after the board stops.</summary>
    [Description("For a virtio-blk device on a qemu board: the qemu.disks id behind it. After the board stops the orchestrator checks the pattern the board-side case wrote into that file.")]
    public string? Disk { get; init; }
}
