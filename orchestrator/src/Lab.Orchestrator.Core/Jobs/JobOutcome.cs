namespace Lab.Orchestrator.Core.Jobs;

/// <summary>What came of running a job.</summary>
/// <param name="State">Done, Cancelled, or FailedToStart.</param>
/// <param name="ExitCode">The exit code <c>lab run</c> gives for the same run (0 pass, 1 tests failed, 2 bad input, 3 infrastructure).</param>
/// <param name="Note">A sentence on the outcome.</param>
/// <param name="InfrastructureTrouble">Boards whose run went wrong for infrastructure reasons (they are checked before their next job).</param>
/// <param name="NewRegressions">(board, case) pairs that passed in the previous run and fail now, as "board: case".</param>
public sealed record JobOutcome(JobState State, int ExitCode, string? Note, IReadOnlyList<string> InfrastructureTrouble, IReadOnlyList<string> NewRegressions);
