namespace Lab.Orchestrator.Kernel;

/// <summary>Calls kernel/fetch-debian-kernel.sh: the current Debian 6.1 kernel for an architecture, cached per user.</summary>
internal sealed class DebianKernel(ScriptRunner runner, string logDirectory)
{
    private readonly ScriptRunner _runner = runner;
    private readonly string _logDirectory = logDirectory;

    /// <summary>Fetches (or finds in the cache) the kernel for <paramref name="arch"/> (arm64).</summary>
    public async Task<KernelInfo> FetchAsync(string arch, CancellationToken ct)
    {
        var script = Path.Combine(LabRoot.KernelDirectory(), "fetch-debian-kernel.sh");
        var log = Path.Combine(_logDirectory, $"fetch-kernel-{arch}.log");
        var result = await _runner.RunAsync(script, [arch], log, TimeSpan.FromMinutes(20), ct).ConfigureAwait(false);
        return await KernelInfo.ReadAsync(result.LastLine, ct).ConfigureAwait(false);
    }
}
