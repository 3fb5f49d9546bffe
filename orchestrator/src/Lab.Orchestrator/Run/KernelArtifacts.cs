using Lab.Orchestrator.Kernel;

namespace Lab.Orchestrator.Run;

/// <summary>What step 1 built for one kernel: the fetched kernel, the modules and the board image.</summary>
/// <param name="Kernel">The Debian kernel.</param>
/// <param name="Modules">The VFIO module build.</param>
/// <param name="Image">The QEMU board image with the modules.</param>
/// <param name="PatchQueueHash">SHA-256 over the patch queue, null without one.</param>
/// <param name="BuildLogId">The module build log in the store.</param>
internal sealed record KernelArtifacts(KernelInfo Kernel, ModuleBuildResult Modules, BoardImageInfo Image, string? PatchQueueHash, string? BuildLogId);
