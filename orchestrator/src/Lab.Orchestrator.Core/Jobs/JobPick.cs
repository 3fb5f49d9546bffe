namespace Lab.Orchestrator.Core.Jobs;

/// <summary>One scheduling decision.</summary>
/// <param name="Start">Jobs to start now, in order.</param>
/// <param name="HealthChecks">Boards that need a health check before their waiting jobs.</param>
/// <param name="Waiting">Why each job left in the queue waits, by job id.</param>
public sealed record JobPick(IReadOnlyList<Job> Start, IReadOnlyList<string> HealthChecks, IReadOnlyDictionary<string, string> Waiting);
