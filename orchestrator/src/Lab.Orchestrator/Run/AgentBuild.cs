using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Kernel;

namespace Lab.Orchestrator.Run;

/// <summary>Calls agents/build.sh (it skips unchanged work) and finds the binary for a board.</summary>
internal sealed class AgentBuild(ScriptRunner runner, string logDirectory)
{
    private readonly ScriptRunner _runner = runner;
    private readonly string _logDirectory = logDirectory;

    /// <summary>Where agents/build.sh leaves the NativeAOT binary for arm64 boards.</summary>
    public static string BinaryPath(string labRoot, BoardArch arch) => arch == BoardArch.Arm64
        ? Path.Combine(labRoot, ".lab", "artifacts", "agent", "linux-arm64", "lab-agent")
        : throw new NotSupportedException("lab run deploys the NativeAOT agent to arm64 boards only; the armv7 (Mono) agent is not wired yet");

    /// <summary>Builds the agent and returns the binary's path.</summary>
    public async Task<string> BuildAsync(BoardArch arch, CancellationToken ct)
    {
        var root = LabRoot.Find();
        var binary = BinaryPath(root, arch);
        var script = Path.Combine(root, "agents", "build.sh");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"{script} does not exist in this checkout: the agent cannot be built", script);
        }

        await _runner.RunAsync(script, [], Path.Combine(_logDirectory, "build-agent.log"), TimeSpan.FromMinutes(20), ct).ConfigureAwait(false);
        return File.Exists(binary)
            ? binary
            : throw new FileNotFoundException($"agents/build.sh succeeded but left no {binary}", binary);
    }
}
