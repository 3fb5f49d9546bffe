namespace Lab.Orchestrator.Run;

/// <summary>What <c>lab bisect</c> was asked: a git tree, a good and a bad revision, one case, one board.</summary>
/// <param name="Tree">The git tree (full path).</param>
/// <param name="Good">A revision where the case passes.</param>
/// <param name="Bad">A later revision, descending from good, where it fails.</param>
/// <param name="CaseId">The case id (no pattern) judged on each commit.</param>
/// <param name="BoardId">The board every step runs on.</param>
internal sealed record BisectRequest(string Tree, string Good, string Bad, string CaseId, string BoardId);
