using Lab.Orchestrator.Kernel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lab.Orchestrator.Boards.Qemu;

/// <summary>How to start a QEMU board: arm64 <c>virt</c> by default (see LABNOTES "The QEMU aarch64 board"), or a 32-bit machine with its device tree.</summary>
/// <param name="KernelImage">The kernel for <c>-kernel</c>.</param>
/// <param name="Initramfs">The initramfs for <c>-initrd</c>.</param>
/// <param name="HostKeySha256">The image's pinned SSH host key fingerprint.</param>
/// <param name="LabKeyPath">The lab user's private key.</param>
/// <param name="RunDirectory">Gets console.log, qemu.log, qmp.sock and qemu.pid.</param>
internal sealed record QemuBoardOptions(string KernelImage, string Initramfs, string HostKeySha256, string LabKeyPath, string RunDirectory)
{
    /// <summary>The line /init prints once dropbear listens.</summary>
    public const string ReadyMarker = "VFIOLAB-BOARD-READY";

    /// <summary>The emulator binary (looked up on PATH unless rooted).</summary>
    public string QemuBinary { get; init; } = "qemu-system-aarch64";

    /// <summary>
    /// <c>gic-version=3</c> matters: with GICv2 the type1 IOMMU refuses to attach ("No interrupt remapping").
    /// </summary>
    public string Machine { get; init; } = "virt,iommu=smmuv3,gic-version=3";

    /// <summary>The CPU model.</summary>
    public string Cpu { get; init; } = "cortex-a57";

    /// <summary>The NIC: <see cref="Core.Config.QemuConfig.VirtioNic"/> (a <c>-device</c>) or a built-in model (<c>-nic model=</c>).</summary>
    public string Nic { get; init; } = Core.Config.QemuConfig.VirtioNic;

    /// <summary>The kernel's console device (<c>console=</c>).</summary>
    public string Console { get; init; } = "ttyAMA0";

    /// <summary>The device tree for <c>-dtb</c>; null: the machine's own.</summary>
    public string? DeviceTree { get; init; }

    /// <summary>Virtual CPUs.</summary>
    public int Cpus { get; init; } = 2;

    /// <summary>Guest RAM in MiB.</summary>
    public int MemoryMiB { get; init; } = 1024;

    /// <summary>
    /// Extra <c>-device</c> values besides the NIC. The virtio-mmio variants are platform devices (not behind the
    /// SMMU); <c>edu</c> is a PCIe device behind the SMMUv3.
    /// </summary>
    public IReadOnlyList<string> Devices { get; init; } = ["virtio-rng-device", "edu"];

    /// <summary>Raw disk files, each behind a <c>virtio-blk-device</c> (virtio-mmio, so a platform device).</summary>
    public IReadOnlyList<QemuDisk> Disks { get; init; } = [];

    /// <summary>Appended to the kernel command line.</summary>
    public string ExtraKernelArguments { get; init; } = string.Empty;

    /// <summary>From start to an authenticated SSH session (TCG on a busy 2-core host is slow).</summary>
    public TimeSpan BootTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Where the board logs its start, readiness, resets and stop.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>Options for an image built by kernel/board/build-image.sh.</summary>
    public static QemuBoardOptions FromImage(BoardImageInfo image, string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new QemuBoardOptions(image.KernelImage, image.Initramfs, image.HostKeySha256, image.LabKeyPath, runDirectory);
    }
}
