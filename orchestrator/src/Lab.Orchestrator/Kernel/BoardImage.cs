namespace Lab.Orchestrator.Kernel;

/// <summary>Calls kernel/board/build-image.sh: the board's initramfs with our modules, a fresh pinned host key and the lab key (and its device tree).</summary>
internal sealed class BoardImage(ScriptRunner runner, string logDirectory)
{
    private readonly ScriptRunner _runner = runner;
    private readonly string _logDirectory = logDirectory;

    /// <summary>Builds (or finds in the cache) the image for a kernel and a module build.</summary>
    public async Task<BoardImageInfo> BuildAsync(string kernelEnvPath, string modulesDirectory, string? deviceTree, CancellationToken ct)
    {
        var script = Path.Combine(LabRoot.KernelDirectory(), "board", "build-image.sh");
        var log = Path.Combine(_logDirectory, "build-image.log");
        List<string> args = ["--kernel-env", kernelEnvPath, "--modules", modulesDirectory];
        if (deviceTree is not null)
        {
            args.AddRange(["--dtb", deviceTree]);
        }

        var result = await _runner.RunAsync(script, args, log,
            TimeSpan.FromMinutes(20), ct).ConfigureAwait(false);
        return await BoardImageInfo.ReadAsync(result.LastLine, ct).ConfigureAwait(false);
    }
}
