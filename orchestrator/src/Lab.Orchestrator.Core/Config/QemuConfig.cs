using System.ComponentModel;

namespace Lab.Orchestrator.Core.Config;

/// <summary>The QEMU machine of a qemu board.</summary>
public sealed record QemuConfig
{
    /// <summary>The <c>-M</c> value.</summary>
    [Description("QEMU -M value. GICv3 matters: with GICv2 type1 refuses to attach (no interrupt remapping).")]
    public string Machine { get; init; } = "virt,iommu=smmuv3,gic-version=3";

    /// <summary>The <c>-cpu</c> value.</summary>
    [Description("QEMU -cpu value.")]
    public string Cpu { get; init; } = "cortex-a57";

    /// <summary>CPUs.</summary>
    [Description("Number of CPUs.")]
    public int Smp { get; init; } = 2;

    /// <summary>Memory in MiB.</summary>
    [Description("Memory in MiB.")]
    public int MemoryMb { get; init; } = 1024;

    /// <summary>Extra <c>-device</c> values besides the network.</summary>
    [Description("Extra -device values, e.g. virtio-rng-device, edu.")]
    public IReadOnlyList<string> Devices { get; init; } = [];

    /// <summary>Raw disks for virtio-blk devices, each a fresh zeroed file in the run directory.</summary>
    [Description("Disks: each becomes a fresh zeroed raw file in the run directory behind a virtio-blk-device (virtio-mmio), for no-IOMMU DMA checked on the host after the board stops.")]
    public IReadOnlyList<QemuDiskConfig> Disks { get; init; } = [];
}
