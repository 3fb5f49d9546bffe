using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>What <c>lab run</c> was asked to do.</summary>
/// <param name="BoardId">Only this board; null for every board (or the nightly list when the trigger is nightly).</param>
/// <param name="Cases">A case id pattern that replaces the boards' suites; null to run the suites.</param>
/// <param name="Trigger">What started the run.</param>
public sealed record RunRequest(string? BoardId, string? Cases, RunTrigger Trigger)
{
    /// <summary>How long each stress case loops, replacing the suites' <c>stressSeconds</c>; null to keep them.</summary>
    public int? StressSeconds { get; init; }

    /// <summary>Who asked for the run (recorded with it); the user running the process when null.</summary>
    public string? Who { get; init; }

    /// <summary>Print the plan (steps per board, the (case, device) pairs) and touch no board.</summary>
    public bool PlanOnly { get; init; }
}
