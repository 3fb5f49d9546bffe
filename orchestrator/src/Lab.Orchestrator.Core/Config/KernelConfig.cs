using System.ComponentModel;

namespace Lab.Orchestrator.Core.Config;

/// <summary>The kernel a board runs and where the VFIO modules are built from.</summary>
public sealed record KernelConfig
{
    /// <summary>Debian packages or a developer's tree.</summary>
    [Description("debian (linux-source matching the Debian ABI) or tree (a developer's kernel tree).")]
    public KernelSourceKind Source { get; init; } = KernelSourceKind.Debian;

    /// <summary>The Debian kernel series: <c>6.1</c> (bookworm), <c>6.12</c> (bookworm-security) or <c>newest</c> (unstable).</summary>
    [Description("Debian kernel series: 6.1 (bookworm's kernel), 6.12 (bookworm-security's second series) or newest (the unstable suite's kernel).")]
    public string Series { get; init; } = "6.1";

    /// <summary>Debian ABI, e.g. <c>6.1.0-56</c>, or <c>current</c> (resolved from the mirror).</summary>
    [Description("Debian ABI such as 6.1.0-56, or 'current' (resolved from the apt mirror).")]
    public string? DebianAbi { get; init; }

    /// <summary>A developer's kernel tree (source = tree).</summary>
    [Description("Path of a kernel source tree (source = tree).")]
    public string? Tree { get; init; }

    /// <summary>A commit of <see cref="Tree"/> whose drivers/vfio is built instead of the checked-out state (source = tree).</summary>
    [Description("A commit (any git revision) of the tree whose drivers/vfio is built instead of the checked-out state (source = tree).")]
    public string? Revision { get; init; }

    /// <summary>Prepared headers matching the board kernel (source = tree); without them the Debian kernel the board boots.</summary>
    [Description("Path of the board kernel's prepared headers (source = tree; ssh and fvp boards). Without it, the Debian kernel the lab boots (debianAbi).")]
    public string? Headers { get; init; }

    /// <summary>Patch-queue directory with a <c>series</c> file, relative to lab.json.</summary>
    [Description("Patch queue directory holding a 'series' file, relative to lab.json.")]
    public string? PatchQueue { get; init; }

    /// <summary>Module parameters by module name.</summary>
    [Description("Module parameters by module name, e.g. {\"vfio\": \"enable_unsafe_noiommu_mode=1\"}.")]
    public IReadOnlyDictionary<string, string> ModuleParams { get; init; } = new Dictionary<string, string>();
}
