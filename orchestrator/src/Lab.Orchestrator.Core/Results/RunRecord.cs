namespace Lab.Orchestrator.Core.Results;

/// <summary>One run of the lab: one or more boards, each running its suites.</summary>
/// <param name="Id">Sortable id: <c>yyyyMMdd-HHmmss-xxxx</c> (UTC).</param>
/// <param name="Trigger">What started it.</param>
/// <param name="Who">The user or schedule that started it (a name, never a secret).</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndedAt">When it ended; null while running.</param>
/// <param name="State">Running, completed or incomplete.</param>
/// <param name="Status">The worst status so far (KCIDB priority); null before any result.</param>
/// <param name="Counts">Results per status.</param>
/// <param name="Boards">The boards the run uses.</param>
/// <param name="Build">What was built and tested.</param>
/// <param name="Owner">The writer process, so a dead owner's run can be marked incomplete.</param>
/// <param name="BuildLogId">File id of the module build log in the store, if kept.</param>
/// <param name="Note">A short message: why a run is incomplete, what the CLI said at the end.</param>
public sealed record RunRecord(
    string Id,
    RunTrigger Trigger,
    string Who,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    RunState State,
    TestStatus? Status,
    StatusCounts Counts,
    IReadOnlyList<string> Boards,
    BuildInfo Build,
    RunOwner Owner,
    string? BuildLogId = null,
    string? Note = null)
{
    /// <summary>Wall time, when the run has ended.</summary>
    public TimeSpan? Duration => EndedAt - StartedAt;
}
