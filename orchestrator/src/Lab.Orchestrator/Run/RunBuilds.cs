using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Kernel;

namespace Lab.Orchestrator.Run;

/// <summary>
/// The build step for a run: kernel fetch and module build once per kernel, a board image once per kernel and
/// image kind (QEMU boards get the modules in the image; FVP boards get an image without them, since their
/// modules are uploaded; physical boards get none), the agent once per architecture. Each outcome (artifacts or
/// failure) is kept so boards sharing a kernel do not build twice. Records what was built in the run's
/// <see cref="BuildInfo"/> and the module build log in the store (none for <c>lab boot</c>, which records no run).
/// </summary>
internal sealed class RunBuilds(IResultStore? store, ScriptRunner runner, LabConfigResult lab, string runId, string logDirectory) : IBoardBuilder
{
    private readonly IResultStore? _store = store;
    private readonly ScriptRunner _runner = runner;
    private readonly LabConfigResult _lab = lab;
    private readonly string _runId = runId;
    private readonly string _logDirectory = logDirectory;
    private readonly Dictionary<string, Task<(KernelInfo? Kernel, ModuleBuildResult Modules, string? Source)>> _kernels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<BoardImageInfo>> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<AgentRuntime, Task<AgentFiles>> _agents = [];
    private readonly Lock _gate = new();
    private readonly List<(string Version, string Source)> _kernelsBuilt = [];
    private BuildInfo _build = new(lab.Sha256);
    private string? _buildLogId;

    /// <inheritdoc />
    public async Task<BoardArtifacts> BuildAsync(BoardConfig board, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(board);
        var (kernel, modules, source) = await Cached(_kernels, board.Kernel, () => BuildModulesAsync(board, ct)).ConfigureAwait(false);
        BootFiles? boot = null;
        if (board.Kind != BoardKind.Ssh)
        {
            var withModules = board.Kind == BoardKind.Qemu;
            var image = await Cached(_images, board.Kernel + (withModules ? "+modules" : "-modules") + BoardImage.Key(board.Qemu),
                () => BuildImageAsync(board, kernel, withModules ? modules.OutputDirectory : "none", ct)).ConfigureAwait(false);
            boot = new BootFiles(image.KernelImage, image.Initramfs, image.HostKeySha256, image.LabKeyPath) { DeviceTree = image.DeviceTree };
        }

        var built = modules.Modules
            .Select(m => new BoardModule(ModuleLoadPlan.Normalize(m.Name), m.Path, m.Depends.Select(ModuleLoadPlan.Normalize).ToList()))
            .ToList();
        return new BoardArtifacts(modules.KernelRelease, built, Path.Combine(LabRoot.KernelDirectory(), "bind-device.sh"), boot) { Source = source };
    }

    /// <inheritdoc />
    public Task<AgentFiles> BuildAgentAsync(BoardConfig board, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(board);
        lock (_gate)
        {
            if (!_agents.TryGetValue(board.EffectiveAgentRuntime, out var task) || task.IsCanceled)
            {
                task = BuildAgentAsync(board.EffectiveAgentRuntime, ct);
                _agents[board.EffectiveAgentRuntime] = task;
            }

            return task;
        }
    }

    private static string ArchName(BoardArch arch) => arch == BoardArch.Arm64 ? "arm64" : "armv7";

    private Task<T> Cached<T>(Dictionary<string, Task<T>> cache, string key, Func<Task<T>> build)
    {
        lock (_gate)
        {
            if (!cache.TryGetValue(key, out var task) || task.IsCanceled)
            {
                task = build();
                cache[key] = task;
            }

            return task;
        }
    }

    private async Task<(KernelInfo?, ModuleBuildResult, string?)> BuildModulesAsync(BoardConfig board, CancellationToken ct)
    {
        var config = _lab.Config!.Kernels.TryGetValue(board.Kernel, out var k)
            ? k
            : throw new InvalidDataException($"board '{board.Id}' names kernel '{board.Kernel}', which lab.json does not define");
        var logs = Path.Combine(_logDirectory, "kernel-" + board.Kernel);
        var patches = config.PatchQueue is { } queue ? Path.GetFullPath(queue, _lab.Directory) : "none";
        var tree = config.Source == KernelSourceKind.Tree && config.Tree is { } t ? Path.GetFullPath(t, _lab.Directory) : null;
        var headers = config.Source == KernelSourceKind.Tree && config.Headers is { } h ? Path.GetFullPath(h, _lab.Directory) : null;
        var (revision, treeState) = tree is null ? (null, null) : await DescribeTreeAsync(tree, config.Revision, ct).ConfigureAwait(false);
        var source = tree is null ? null : $"tree {tree}{treeState}";
        KernelInfo? kernel = null;
        ModuleBuildRequest request;
        if (headers is not null)
        {
            // The board's own kernel: its headers, its tree; no Debian kernel is fetched.
            request = new ModuleBuildRequest(null, tree, patches, headers, board.Arch == BoardArch.Arm64 ? "arm64" : "armhf", revision);
        }
        else
        {
            kernel = await new DebianKernel(_runner, logs).FetchAsync(ArchName(board.Arch), ct, config.Series).ConfigureAwait(false);
            if (config.Source == KernelSourceKind.Debian && config.DebianAbi is { } abi && abi != "current" && abi != kernel.Abi)
            {
                throw new InvalidDataException(
                    $"kernel '{board.Kernel}' asks for Debian ABI {abi} but kernel/fetch-debian-kernel.sh provides {kernel.Abi} (use \"current\")");
            }

            request = new ModuleBuildRequest(kernel.EnvPath, tree, patches, Revision: revision);
        }

        var modules = await new ModuleBuild(_runner, logs).BuildAsync(request, ct).ConfigureAwait(false);
        var patchHash = await BuildHashes.PatchQueueAsync(patches == "none" ? null : patches, ct).ConfigureAwait(false);
        string? logId = null;
        if (_store is not null && File.Exists(modules.BuildLogPath))
        {
            var text = await File.ReadAllTextAsync(modules.BuildLogPath, ct).ConfigureAwait(false);
            logId = _store.SaveLog($"{_runId}-{board.Kernel}-build-modules.log", text);
        }

        lock (_gate)
        {
            // A board with several kernels builds each: the run names them all, in build order.
            _kernelsBuilt.Add((kernel is null ? modules.KernelRelease : $"{kernel.Release} ({kernel.Version})", source ?? $"debian linux-source {kernel?.Version}"));
            _build = _build with
            {
                KernelVersion = string.Join(BuildInfo.KernelSeparator, _kernelsBuilt.Select(k => k.Version).Distinct()),
                KernelSource = string.Join(BuildInfo.KernelSeparator, _kernelsBuilt.Select(k => k.Source).Distinct()),
                PatchQueueHash = patchHash,
                ModuleBuildHash = BuildHashes.Modules(modules.Modules),
            };
            _buildLogId = logId ?? _buildLogId;
            _store?.UpdateBuild(_runId, _build, _buildLogId);
        }

        return (kernel, modules, source);
    }

    /// <summary>The commit to build (a revision resolved to its sha) and how the run names the tree's state (" at SHA12 subject").</summary>
    private static async Task<(string? Commit, string? State)> DescribeTreeAsync(string tree, string? revision, CancellationToken ct)
    {
        var git = new GitTree(tree);
        if (revision is null)
        {
            try
            {
                // Not a git tree (no HEAD): null, the tree is named by its path.
                return (null, await git.DescribeCheckoutAsync(ct).ConfigureAwait(false) is { } state ? " " + state : null);
            }
            catch (GitException)
            {
                return (null, null); // a tree git cannot describe (or no git here) is named by its path; its content keys the build
            }
        }

        var commit = await git.CommitAsync(revision, ct).ConfigureAwait(false);
        return (commit, $" at {commit[..12]} {await git.SubjectAsync(commit, ct).ConfigureAwait(false)}");
    }

    private async Task<BoardImageInfo> BuildImageAsync(BoardConfig board, KernelInfo? kernel, string modules, CancellationToken ct)
    {
        if (kernel is null)
        {
            throw new InvalidDataException(
                $"board '{board.Id}' boots an image the lab builds, which needs a Debian kernel: kernel '{board.Kernel}' gives only headers");
        }

        var logs = Path.Combine(_logDirectory, "kernel-" + board.Kernel);
        return await new BoardImage(_runner, logs).BuildAsync(kernel.EnvPath, modules, board.Qemu, ct).ConfigureAwait(false);
    }

    private async Task<AgentFiles> BuildAgentAsync(AgentRuntime runtime, CancellationToken ct)
    {
        var agent = await new AgentBuild(_runner, _logDirectory).BuildAsync(runtime, ct).ConfigureAwait(false);
        var hash = await BuildHashes.FileAsync(agent.Archive ?? agent.Program, ct).ConfigureAwait(false);
        lock (_gate)
        {
            _build = _build with { AgentBuildHash = hash };
            _store?.UpdateBuild(_runId, _build, _buildLogId);
        }

        return agent;
    }
}
