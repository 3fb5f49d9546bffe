using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Jobs;
using Lab.Orchestrator.Core.Pipeline;

namespace Lab.Orchestrator.Run;

/// <summary>A job's boards out of lab.json, with the job's kernel, tree or patch queue in place of the boards' own.</summary>
internal static class JobConfig
{
    /// <summary>
    /// The lab as the job sees it and its boards in order (a plain job's boards once per kernel they list, see
    /// <see cref="BoardKernels"/>); null with <paramref name="problem"/> naming what is unknown.
    /// </summary>
    public static (LabConfigResult Lab, IReadOnlyList<BoardConfig> Boards)? Apply(LabConfigResult lab, JobSpec spec, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(lab);
        ArgumentNullException.ThrowIfNull(spec);
        var config = lab.Config!;
        problem = null;
        var boards = new List<BoardConfig>();
        foreach (var id in spec.Boards)
        {
            if (config.Boards.FirstOrDefault(b => b.Id == id) is not { } board)
            {
                problem = $"no board '{id}' in lab.json (boards: {string.Join(", ", config.Boards.Select(b => b.Id))})";
                return null;
            }

            boards.Add(board);
        }

        if (spec.Kernel is { } kernel && !config.Kernels.ContainsKey(kernel))
        {
            problem = $"no kernel '{kernel}' in lab.json (kernels: {string.Join(", ", config.Kernels.Keys)})";
            return null;
        }

        if (spec.Kernel is null && spec.Tree is null && spec.Patches is null)
        {
            // A plain job takes each board through its kernels (lab.json 'kernels'), one board run per kernel; a
            // health check only through the board's own.
            return (lab, spec.HealthCheck ? boards : BoardKernels.Expand(boards));
        }

        // Each board gets a kernel of its own for the job: its kernel (or the job's), with the tree or patches in place.
        var kernels = new Dictionary<string, KernelConfig>(config.Kernels, StringComparer.Ordinal);
        for (var i = 0; i < boards.Count; i++)
        {
            var name = spec.Kernel ?? boards[i].Kernel;
            var k = config.Kernels[name];
            if (spec.Tree is { } tree)
            {
                k = k with { Source = KernelSourceKind.Tree, Tree = Path.GetFullPath(tree), PatchQueue = null };
            }

            if (spec.Patches is { } patches)
            {
                k = k with { PatchQueue = Path.GetFullPath(patches) };
            }

            var jobKernel = $"{name}+job";
            kernels[jobKernel] = k;
            boards[i] = boards[i] with { Kernel = jobKernel, Kernels = null };
        }

        var changed = config with { Kernels = kernels, Boards = [.. config.Boards.Select(b => boards.FirstOrDefault(x => x.Id == b.Id) ?? b)] };
        return (lab with { Config = changed }, boards);
    }

    /// <summary>What is wrong with a job's own options (the kernel, tree, patches, stress seconds, case pattern); null when nothing.</summary>
    public static string? Problem(JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new[] { spec.Kernel, spec.Tree, spec.Patches }.Count(x => x is not null) > 1 ? "--kernel, --tree and --patches exclude each other"
            : spec.Tree is { } tree && !Directory.Exists(Path.Combine(tree, "drivers", "vfio")) ? $"--tree {tree}: no drivers/vfio there"
            : spec.Patches is { } patches && !Directory.Exists(patches) ? $"--patches {patches}: no such directory"
            : spec.StressSeconds is < 1 or > 3600 ? $"--stress-seconds {spec.StressSeconds} is out of range 1-3600"
            : spec.Cases is { } c && string.IsNullOrWhiteSpace(c) ? "--cases needs a pattern such as vfio.platform.*"
            : null;
    }
}
