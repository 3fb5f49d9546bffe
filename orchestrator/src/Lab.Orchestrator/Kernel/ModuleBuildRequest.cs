namespace Lab.Orchestrator.Kernel;

/// <summary>What to build the VFIO modules from.</summary>
/// <param name="KernelEnvPath">kernel.env of the fetched kernel (headers and source).</param>
/// <param name="SourceTree">A developer's own kernel tree whose drivers/vfio is built instead of Debian's linux-source.</param>
/// <param name="PatchDirectory">A patch queue with a series file; null for kernel/patches/6.1, "none" for no patches.</param>
/// <param name="Headers">A board kernel's own build or headers dir, used instead of the fetched kernel's headers (with <paramref name="Arch"/>).</param>
/// <param name="Arch">The Debian architecture of <paramref name="Headers"/>.</param>
/// <param name="Revision">A commit of the git <paramref name="SourceTree"/> to build instead of its checked-out state.</param>
internal sealed record ModuleBuildRequest(
    string? KernelEnvPath, string? SourceTree = null, string? PatchDirectory = null, string? Headers = null, string? Arch = null, string? Revision = null);
