namespace Lab.Orchestrator.Core.Results;

/// <summary>What a run tested: enough to rebuild it and to tell two runs apart.</summary>
/// <param name="LabJsonHash">SHA-256 of the lab.json the run used.</param>
/// <param name="KernelVersion">The board kernel, e.g. <c>6.1.0-56-arm64 (6.1.192-2)</c>; several (a board with several kernels) joined by <c>"; "</c>.</param>
/// <param name="KernelSource">Where drivers/vfio came from: a Debian package version or a tree path and state; several joined by <c>"; "</c>.</param>
/// <param name="PatchQueueHash">SHA-256 over the patch series and its files.</param>
/// <param name="ModuleBuildHash">SHA-256 over the built .ko files.</param>
/// <param name="AgentBuildHash">SHA-256 of the agent binary deployed.</param>
public sealed record BuildInfo(
    string LabJsonHash,
    string? KernelVersion = null,
    string? KernelSource = null,
    string? PatchQueueHash = null,
    string? ModuleBuildHash = null,
    string? AgentBuildHash = null)
{
    /// <summary>What joins the kernels of a run that built several.</summary>
    public const string KernelSeparator = "; ";

    /// <summary>The kernel releases the run built for (<c>6.12.117+deb12-arm64</c> of <c>6.12.117+deb12-arm64 (6.12.117-1~deb12u1)</c>), in build order.</summary>
    public IReadOnlyList<string> KernelReleases =>
        KernelVersion is { Length: > 0 } k ? [.. k.Split(KernelSeparator).Select(v => v.Split(' ', 2)[0])] : [];
}
