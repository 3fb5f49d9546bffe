using Lab.Orchestrator.Core.Config;

namespace Lab.Orchestrator.Kernel;

/// <summary>
/// Calls kernel/board/build-image.sh: the board's initramfs with our modules, the drivers of its console and NIC,
/// a fresh pinned host key and the lab key (and its device tree).
/// </summary>
internal sealed class BoardImage(ScriptRunner runner, string logDirectory)
{
    private readonly ScriptRunner _runner = runner;
    private readonly string _logDirectory = logDirectory;

    /// <summary>The part of a QEMU machine an image depends on: its device tree, NIC and console.</summary>
    public static string Key(QemuConfig? machine) =>
        machine is null ? string.Empty : $"+{machine.Dtb}+{machine.Nic}+{machine.Console}";

    /// <summary>Builds (or finds in the cache) the image for a kernel, a module build and a QEMU machine (null: the architecture's default NIC, no device tree).</summary>
    public async Task<BoardImageInfo> BuildAsync(string kernelEnvPath, string modulesDirectory, QemuConfig? machine, CancellationToken ct)
    {
        var script = Path.Combine(LabRoot.KernelDirectory(), "board", "build-image.sh");
        var log = Path.Combine(_logDirectory, "build-image.log");
        List<string> args = ["--kernel-env", kernelEnvPath, "--modules", modulesDirectory];
        if (machine is not null)
        {
            args.AddRange(["--nic", machine.Nic, "--console", machine.Console]);
            if (machine.Dtb is not null)
            {
                args.AddRange(["--dtb", machine.Dtb]);
            }
        }

        var result = await _runner.RunAsync(script, args, log,
            TimeSpan.FromMinutes(20), ct).ConfigureAwait(false);
        return await BoardImageInfo.ReadAsync(result.LastLine, ct).ConfigureAwait(false);
    }
}
