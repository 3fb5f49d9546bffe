namespace Lab.Orchestrator.Core.Bisect;

/// <summary>One commit tested by a bisection.</summary>
/// <param name="Commit">The full sha.</param>
/// <param name="Subject">Its subject line.</param>
/// <param name="RunId">The run that tested it (its build names the commit).</param>
/// <param name="Verdict">Good, bad or skip.</param>
/// <param name="Reason">Why: the case's status per device, or what failed for a skip.</param>
public sealed record BisectionStep(string Commit, string Subject, string RunId, BisectVerdict Verdict, string Reason);
