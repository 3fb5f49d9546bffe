namespace Lab.Dashboard.Features.Regressions;

/// <summary>
/// The label for a history, with the runs that bracket the newest breakage: <see cref="FirstBadRunId"/> is the
/// oldest FAIL of the newest run of FAILs, <see cref="LastGoodRunId"/> the newest PASS before it, and for a fixed
/// case <see cref="FixedInRunId"/> the oldest PASS after the last FAIL.
/// </summary>
internal sealed record Verdict(RegressionKind Kind, string? LastGoodRunId, string? FirstBadRunId, string? FixedInRunId);
