namespace Lab.Orchestrator.Kernel;

/// <summary>A built QEMU board image (image.env of kernel/board/build-image.sh).</summary>
/// <param name="Directory">The cached image dir.</param>
/// <param name="KernelImage">The Debian kernel Image for <c>-kernel</c>.</param>
/// <param name="Initramfs">The initramfs for <c>-initrd</c>.</param>
/// <param name="HostKeySha256">The image's SSH host key fingerprint to pin, <c>SHA256:...</c>.</param>
/// <param name="LabKeyPath">The lab user's private key whose public half the image trusts.</param>
/// <param name="KernelRelease">uname -r on the board.</param>
/// <param name="ModulesDirectory">The module build baked into /lib/modules/KREL/extra.</param>
internal sealed record BoardImageInfo(
    string Directory,
    string KernelImage,
    string Initramfs,
    string HostKeySha256,
    string LabKeyPath,
    string KernelRelease,
    string ModulesDirectory)
{
    /// <summary>The device tree built for the board (<c>--dtb</c>); null when the image has none.</summary>
    public string? DeviceTree { get; init; }

    /// <summary>Reads image.env from an image dir.</summary>
    public static async Task<BoardImageInfo> ReadAsync(string directory, CancellationToken ct)
    {
        var path = Path.Combine(directory, "image.env");
        var v = await EnvFile.ReadAsync(path, ct).ConfigureAwait(false);
        string R(string key) => EnvFile.Require(v, key, path);
        return new BoardImageInfo(directory, R("IMAGE_KERNEL"), R("IMAGE_INITRAMFS"), R("IMAGE_HOST_KEY_SHA256"),
            R("IMAGE_LAB_KEY"), R("IMAGE_KERNEL_RELEASE"), R("IMAGE_MODULES"))
        {
            DeviceTree = v.TryGetValue("IMAGE_DTB", out var dtb) && dtb.Length > 0 ? dtb : null,
        };
    }
}
