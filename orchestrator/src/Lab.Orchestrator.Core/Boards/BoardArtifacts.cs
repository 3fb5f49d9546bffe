namespace Lab.Orchestrator.Core.Boards;

/// <summary>What the build step made for one board.</summary>
/// <param name="KernelRelease">The release the modules were built for (<c>uname -r</c> must match on the board).</param>
/// <param name="Modules">The built VFIO modules, in load (dependency) order.</param>
/// <param name="BindScriptPath">kernel/bind-device.sh on the lab host.</param>
/// <param name="Boot">What the lab built to boot the board (QEMU, FVP); null for a board with its own OS.</param>
public sealed record BoardArtifacts(string KernelRelease, IReadOnlyList<BoardModule> Modules, string BindScriptPath, BootFiles? Boot)
{
    /// <summary>Where drivers/vfio came from when it is not the kernel's own source (a developer's tree at a commit); null otherwise.</summary>
    public string? Source { get; init; }
}

/// <summary>One built module.</summary>
/// <param name="Name">The module name as the kernel knows it (<c>vfio_platform_base</c>).</param>
/// <param name="Path">The .ko on the lab host.</param>
/// <param name="Depends">Modules it needs (modinfo's <c>depends</c>).</param>
public sealed record BoardModule(string Name, string Path, IReadOnlyList<string> Depends);

/// <summary>A kernel and initramfs the lab built for a board, with the image's SSH identity.</summary>
/// <param name="KernelImage">The kernel image.</param>
/// <param name="Initramfs">The initramfs.</param>
/// <param name="HostKeySha256">The image's host key fingerprint (pinned).</param>
/// <param name="LabKeyPath">The lab user's private key the image trusts.</param>
public sealed record BootFiles(string KernelImage, string Initramfs, string HostKeySha256, string LabKeyPath)
{
    /// <summary>The device tree for the machine, when the board needs one; null otherwise.</summary>
    public string? DeviceTree { get; init; }
}
