namespace Lab.Orchestrator.Kernel;

/// <summary>The output of kernel/build-modules.sh.</summary>
/// <param name="OutputDirectory">The cached dir with the .ko files, build.log and manifest.json.</param>
/// <param name="Key">The cache key (hash of source, patches, make line, toolchain).</param>
/// <param name="KernelRelease">The release the modules are for (vermagic).</param>
/// <param name="Modules">The stripped modules.</param>
/// <param name="BuildLogPath">The kbuild log of the build that produced them.</param>
/// <param name="ScriptLogPath">This run's log (a cache hit has no kbuild output in it).</param>
/// <param name="Duration">This run's wall time.</param>
internal sealed record ModuleBuildResult(
    string OutputDirectory,
    string Key,
    string KernelRelease,
    IReadOnlyList<BuiltModule> Modules,
    string BuildLogPath,
    string ScriptLogPath,
    TimeSpan Duration);
