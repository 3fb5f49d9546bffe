namespace Lab.Orchestrator.Core.Jobs;

/// <summary>
/// What the health checks say of a board. A board is checked before its first job of a (UTC) day and after a job
/// it failed for infrastructure reasons; two failed checks in a row mark it Bad, and a Bad board is not scheduled
/// until <c>lab boards --reset ID</c>.
/// </summary>
/// <param name="BoardId">The board.</param>
/// <param name="Condition">Good, Bad, or NeedsCheck.</param>
/// <param name="CheckedAt">When the last check ended; null before the first.</param>
/// <param name="FailedChecks">Failed checks in a row.</param>
/// <param name="Note">What the last check or the last infrastructure failure said.</param>
public sealed record BoardHealth(string BoardId, BoardCondition Condition, DateTimeOffset? CheckedAt, int FailedChecks, string? Note);
