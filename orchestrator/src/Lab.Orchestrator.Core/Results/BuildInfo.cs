namespace Lab.Orchestrator.Core.Results;

/// <summary>What a run tested: enough to rebuild it and to tell two runs apart.</summary>
/// <param name="LabJsonHash">SHA-256 of the lab.json the run used.</param>
/// <param name="KernelVersion">The board kernel, e.g. <c>6.1.0-56-arm64 (6.1.192-2)</c>.</param>
/// <param name="KernelSource">Where drivers/vfio came from: a Debian package version or a tree path and state.</param>
/// <param name="PatchQueueHash">SHA-256 over the patch series and its files.</param>
/// <param name="ModuleBuildHash">SHA-256 over the built .ko files.</param>
/// <param name="AgentBuildHash">SHA-256 of the agent binary deployed.</param>
public sealed record BuildInfo(
    string LabJsonHash,
    string? KernelVersion = null,
    string? KernelSource = null,
    string? PatchQueueHash = null,
    string? ModuleBuildHash = null,
    string? AgentBuildHash = null);
