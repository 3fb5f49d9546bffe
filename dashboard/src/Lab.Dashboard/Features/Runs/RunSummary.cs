using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Runs;

/// <summary>A run as lists show it: KCIDB summary status (worst of its results), counts, duration, the kernel release it ran.</summary>
internal sealed record RunSummary(
    string Id,
    string Trigger,
    string Who,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string State,
    string? Status,
    StatusCounts Counts,
    double? DurationSeconds,
    IReadOnlyList<string> Boards,
    string? Note,
    string? Kernel)
{
    public static RunSummary Of(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RunSummary(
            run.Id,
            run.Trigger.ToString().ToLowerInvariant(),
            run.Who,
            run.StartedAt,
            run.EndedAt,
            run.State.ToString().ToLowerInvariant(),
            (run.Status ?? run.Counts.Worst)?.ToKcidb(),
            run.Counts,
            run.Duration?.TotalSeconds,
            run.Boards,
            run.Note,
            run.Build.KernelReleases is { Count: > 0 } k ? string.Join(", ", k) : null);
    }
}
