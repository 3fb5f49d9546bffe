using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Kernel;

namespace Lab.Orchestrator.Run;

/// <summary>
/// Step 1 for a run: kernel fetch, module build and board image once per kernel, the agent once per
/// architecture; each outcome (artifacts or failure) is kept so boards sharing a kernel do not build twice.
/// Records what was built in the run's <see cref="BuildInfo"/> and the module build log in the store.
/// </summary>
internal sealed class RunBuilds(IResultStore store, ScriptRunner runner, LabConfigResult lab, string runId, string logDirectory)
{
    private readonly IResultStore _store = store;
    private readonly ScriptRunner _runner = runner;
    private readonly LabConfigResult _lab = lab;
    private readonly string _runId = runId;
    private readonly string _logDirectory = logDirectory;
    private readonly Dictionary<string, Task<KernelArtifacts>> _kernels = new(StringComparer.Ordinal);
    private readonly Dictionary<BoardArch, Task<string>> _agents = [];
    private BuildInfo _build = new(lab.Sha256);
    private string? _buildLogId;

    /// <summary>The kernel, modules and image for a board.</summary>
    public Task<KernelArtifacts> KernelAsync(BoardConfig board, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(board);
        if (!_kernels.TryGetValue(board.Kernel, out var task) || task.IsCanceled)
        {
            task = BuildKernelAsync(board, ct);
            _kernels[board.Kernel] = task;
        }

        return task;
    }

    /// <summary>The agent binary for a board, with its SHA-256 recorded in the run.</summary>
    public Task<string> AgentAsync(BoardConfig board, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(board);
        if (!_agents.TryGetValue(board.Arch, out var task) || task.IsCanceled)
        {
            task = BuildAgentAsync(board.Arch, ct);
            _agents[board.Arch] = task;
        }

        return task;
    }

    private static string ArchName(BoardArch arch) => arch == BoardArch.Arm64 ? "arm64" : "armv7";

    private async Task<KernelArtifacts> BuildKernelAsync(BoardConfig board, CancellationToken ct)
    {
        var config = _lab.Config!.Kernels.TryGetValue(board.Kernel, out var k)
            ? k
            : throw new InvalidDataException($"board '{board.Id}' names kernel '{board.Kernel}', which lab.json does not define");
        var logs = Path.Combine(_logDirectory, "kernel-" + board.Kernel);
        var kernel = await new DebianKernel(_runner, logs).FetchAsync(ArchName(board.Arch), ct).ConfigureAwait(false);
        if (config.Source == KernelSourceKind.Debian && config.DebianAbi is { } abi && abi != "current" && abi != kernel.Abi)
        {
            throw new InvalidDataException(
                $"kernel '{board.Kernel}' asks for Debian ABI {abi} but kernel/fetch-debian-kernel.sh provides {kernel.Abi} (use \"current\")");
        }

        var patches = config.PatchQueue is { } queue ? Path.GetFullPath(queue, _lab.Directory) : "none";
        var tree = config.Source == KernelSourceKind.Tree && config.Tree is { } t ? Path.GetFullPath(t, _lab.Directory) : null;
        var modules = await new ModuleBuild(_runner, logs).BuildAsync(new ModuleBuildRequest(kernel.EnvPath, tree, patches), ct).ConfigureAwait(false);
        var patchHash = await BuildHashes.PatchQueueAsync(patches == "none" ? null : patches, ct).ConfigureAwait(false);
        string? logId = null;
        if (File.Exists(modules.BuildLogPath))
        {
            var text = await File.ReadAllTextAsync(modules.BuildLogPath, ct).ConfigureAwait(false);
            logId = _store.SaveLog($"{_runId}-{board.Kernel}-build-modules.log", text);
        }

        var image = await new BoardImage(_runner, logs).BuildAsync(kernel.EnvPath, modules.OutputDirectory, ct).ConfigureAwait(false);
        _build = _build with
        {
            KernelVersion = $"{kernel.Release} ({kernel.Version})",
            KernelSource = tree is null ? $"debian linux-source {kernel.Version}" : "tree " + tree,
            PatchQueueHash = patchHash,
            ModuleBuildHash = BuildHashes.Modules(modules.Modules),
        };
        _buildLogId = logId ?? _buildLogId;
        _store.UpdateBuild(_runId, _build, _buildLogId);
        return new KernelArtifacts(kernel, modules, image, patchHash, logId);
    }

    private async Task<string> BuildAgentAsync(BoardArch arch, CancellationToken ct)
    {
        var binary = await new AgentBuild(_runner, _logDirectory).BuildAsync(arch, ct).ConfigureAwait(false);
        _build = _build with { AgentBuildHash = await BuildHashes.FileAsync(binary, ct).ConfigureAwait(false) };
        _store.UpdateBuild(_runId, _build, _buildLogId);
        return binary;
    }
}
