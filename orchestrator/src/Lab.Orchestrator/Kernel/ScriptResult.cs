namespace Lab.Orchestrator.Kernel;

/// <summary>What a kernel script run left behind.</summary>
/// <param name="ExitCode">The script's exit code.</param>
/// <param name="LastLine">The last stdout line: our scripts print their output path there.</param>
/// <param name="LogPath">stdout and stderr of the run, interleaved.</param>
/// <param name="Duration">Wall time.</param>
internal sealed record ScriptResult(int ExitCode, string LastLine, string LogPath, TimeSpan Duration);
