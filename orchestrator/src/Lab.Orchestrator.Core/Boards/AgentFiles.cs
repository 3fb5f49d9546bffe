namespace Lab.Orchestrator.Core.Boards;

/// <summary>The agent as a board gets it.</summary>
/// <param name="Program">
/// What the board runs, uploaded as <see cref="Pipeline.DeviceCaseRun.RemoteAgent"/>: the NativeAOT binary, or for the
/// Mono build a launcher that runs the assemblies beside it.
/// </param>
/// <param name="Archive">
/// A gzipped tar of the files the program needs (the net48 assemblies), uploaded as <see cref="RemoteArchive"/> and unpacked
/// into <see cref="RemoteDirectory"/>: one upload instead of one per file; null for NativeAOT.
/// </param>
public sealed record AgentFiles(string Program, string? Archive)
{
    /// <summary>Where the archive's files go on the board: <c>agent/</c> beside the program (the launcher looks there).</summary>
    public const string RemoteDirectory = "/run/vfiolab/agent";

    /// <summary>Where the archive itself is uploaded.</summary>
    public const string RemoteArchive = "/run/vfiolab/agent.tar.gz";
}
