using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Kernel;

namespace Lab.Orchestrator.Run;

/// <summary>Calls agents/build.sh (it skips unchanged work) and finds the agent's files for a board.</summary>
internal sealed class AgentBuild(ScriptRunner runner, string logDirectory)
{
    private readonly ScriptRunner _runner = runner;
    private readonly string _logDirectory = logDirectory;

    /// <summary>Where agents/build.sh leaves what a board runs: the NativeAOT binary (arm64) or the launcher of the net48 build under Mono.</summary>
    public static string ProgramPath(string labRoot, AgentRuntime runtime) => runtime == AgentRuntime.NativeAot
        ? Path.Combine(labRoot, ".lab", "artifacts", "agent", "linux-arm64", "lab-agent")
        : Path.Combine(labRoot, ".lab", "artifacts", "agent", "net48", "lab-agent");

    /// <summary>Builds the agent and returns its files.</summary>
    public async Task<AgentFiles> BuildAsync(AgentRuntime runtime, CancellationToken ct)
    {
        var root = LabRoot.Find();
        var program = ProgramPath(root, runtime);
        var script = Path.Combine(root, "agents", "build.sh");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"{script} does not exist in this checkout: the agent cannot be built", script);
        }

        await _runner.RunAsync(script, [], Path.Combine(_logDirectory, "build-agent.log"), TimeSpan.FromMinutes(20), ct).ConfigureAwait(false);
        if (!File.Exists(program))
        {
            throw new FileNotFoundException($"agents/build.sh succeeded but left no {program}", program);
        }

        if (runtime == AgentRuntime.NativeAot)
        {
            return new AgentFiles(program, null);
        }

        // The net48 assemblies and their config, in one gzipped tar beside the launcher (unpacked into agent/ on the board).
        var archive = Path.Combine(Path.GetDirectoryName(program)!, "lab-agent.tar.gz");
        return File.Exists(archive)
            ? new AgentFiles(program, archive)
            : throw new FileNotFoundException($"agents/build.sh left no {archive} beside {program}", archive);
    }
}
