using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.RunDetail;

/// <summary>One board's part of a run (on one kernel) with its cases and the kernel's trouble lines.</summary>
internal sealed record BoardDetail(
    string BoardId,
    string? Status,
    string Health,
    int Attempts,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    StatusCounts Counts,
    bool HasConsoleLog,
    bool HasDmesgLog,
    IReadOnlyList<CaseResult> Cases,
    IReadOnlyList<TroubleLine> Trouble,
    string? Kernel);
