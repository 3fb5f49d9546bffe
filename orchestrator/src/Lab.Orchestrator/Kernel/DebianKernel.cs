namespace Lab.Orchestrator.Kernel;

/// <summary>Calls kernel/fetch-debian-kernel.sh: the current Debian kernel of a series for an architecture, cached per user.</summary>
internal sealed class DebianKernel(ScriptRunner runner, string logDirectory)
{
    private readonly ScriptRunner _runner = runner;
    private readonly string _logDirectory = logDirectory;

    /// <summary>Fetches (or finds in the cache) the kernel of <paramref name="series"/> (6.1, 6.12, newest) for <paramref name="arch"/> (arm64).</summary>
    public async Task<KernelInfo> FetchAsync(string arch, CancellationToken ct, string series = "6.1")
    {
        var script = Path.Combine(LabRoot.KernelDirectory(), "fetch-debian-kernel.sh");
        var log = Path.Combine(_logDirectory, $"fetch-kernel-{series}-{arch}.log");
        var result = await _runner.RunAsync(script, ["--series", series, arch], log, TimeSpan.FromMinutes(20), ct).ConfigureAwait(false);
        return await KernelInfo.ReadAsync(result.LastLine, ct).ConfigureAwait(false);
    }
}
