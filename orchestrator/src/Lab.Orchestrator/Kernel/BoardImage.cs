namespace Lab.Orchestrator.Kernel;

/// <summary>Calls kernel/board/build-image.sh: the arm64 initramfs with our modules, a fresh pinned host key and the lab key.</summary>
internal sealed class BoardImage(ScriptRunner runner, string logDirectory)
{
    private readonly ScriptRunner _runner = runner;
    private readonly string _logDirectory = logDirectory;

    /// <summary>Builds (or finds in the cache) the image for a kernel and a module build.</summary>
    public async Task<BoardImageInfo> BuildAsync(string kernelEnvPath, string modulesDirectory, CancellationToken ct)
    {
        var script = Path.Combine(LabRoot.KernelDirectory(), "board", "build-image.sh");
        var log = Path.Combine(_logDirectory, "build-image.log");
        var result = await _runner.RunAsync(script, ["--kernel-env", kernelEnvPath, "--modules", modulesDirectory], log,
            TimeSpan.FromMinutes(20), ct).ConfigureAwait(false);
        return await BoardImageInfo.ReadAsync(result.LastLine, ct).ConfigureAwait(false);
    }
}
