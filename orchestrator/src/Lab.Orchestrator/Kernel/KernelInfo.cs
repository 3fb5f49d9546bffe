namespace Lab.Orchestrator.Kernel;

/// <summary>A fetched Debian kernel (kernel.env of kernel/fetch-debian-kernel.sh).</summary>
internal sealed record KernelInfo(
    string EnvPath,
    string Arch,
    string Version,
    string Abi,
    string Release,
    string Image,
    string Headers,
    string SourceTarball,
    string ModulesDirectory)
{
    /// <summary>Reads a kernel.env.</summary>
    public static async Task<KernelInfo> ReadAsync(string envPath, CancellationToken ct)
    {
        var v = await EnvFile.ReadAsync(envPath, ct).ConfigureAwait(false);
        string R(string key) => EnvFile.Require(v, key, envPath);
        return new KernelInfo(envPath, R("KERNEL_ARCH"), R("KERNEL_VERSION"), R("KERNEL_ABI"), R("KERNEL_RELEASE"),
            R("KERNEL_IMAGE"), R("KERNEL_HEADERS"), R("KERNEL_SOURCE_TARBALL"), R("KERNEL_MODULES_DIR"));
    }
}
