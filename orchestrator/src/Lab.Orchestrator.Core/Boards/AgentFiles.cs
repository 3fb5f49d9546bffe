namespace Lab.Orchestrator.Core.Boards;

/// <summary>The agent as a board gets it.</summary>
/// <param name="Program">
/// What the board runs, uploaded as <see cref="Pipeline.DeviceCaseRun.RemoteAgent"/>: the NativeAOT binary, or for the
/// Mono build a launcher that runs the assemblies beside it.
/// </param>
/// <param name="Files">The files the program needs, uploaded to <see cref="RemoteDirectory"/> (the net48 assemblies); none for NativeAOT.</param>
public sealed record AgentFiles(string Program, IReadOnlyList<string> Files)
{
    /// <summary>Where <see cref="Files"/> go on the board: <c>agent/</c> beside the program (the launcher looks there).</summary>
    public const string RemoteDirectory = "/run/vfiolab/agent";
}
