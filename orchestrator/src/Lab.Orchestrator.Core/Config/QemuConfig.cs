using System.ComponentModel;

namespace Lab.Orchestrator.Core.Config;

/// <summary>The QEMU machine of a qemu board.</summary>
public sealed record QemuConfig
{
    /// <summary>The NIC of the virt machine: a virtio-mmio device.</summary>
    public const string VirtioNic = "virtio-net-device";

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

    /// <summary>The board's NIC: a <c>-device</c> on the user network, or a model built into the machine (<c>-nic model=</c>).</summary>
    [Description("The NIC: virtio-net-device (a -device on the user network), or the model of a NIC the machine has built in (lan9118 on smdkc210, cadence_gem on xilinx-zynq-a9; -nic user,model=...). The image carries its driver (kernel/board/build-image.sh --nic).")]
    public string Nic { get; init; } = VirtioNic;

    /// <summary>The kernel's console device.</summary>
    [Description("The kernel's console (console= on its command line): ttyAMA0 on virt, ttySAC0,115200 on Exynos, ttyPS0,115200 on Zynq (its driver is a module the image loads first).")]
    public string Console { get; init; } = "ttyAMA0";

    /// <summary>A device tree for <c>-dtb</c>: the lab's kernel/board/dtb/NAME.dts, or the kernel package's NAME.dtb (plus kernel/board/dtb/NAME.dtsi); null: QEMU's own.</summary>
    [Description("For machines QEMU does not describe itself, passed as -dtb: the lab's own kernel/board/dtb/NAME.dts when there is one, else NAME.dtb from the kernel package with kernel/board/dtb/NAME.dtsi compiled onto it when there is one.")]
    public string? Dtb { get; init; }

    /// <summary>Raw disks for virtio-blk devices, each a fresh zeroed file in the run directory.</summary>
    [Description("Disks: each becomes a fresh zeroed raw file in the run directory behind a virtio-blk-device (virtio-mmio), for no-IOMMU DMA checked on the host after the board stops.")]
    public IReadOnlyList<QemuDiskConfig> Disks { get; init; } = [];
}
