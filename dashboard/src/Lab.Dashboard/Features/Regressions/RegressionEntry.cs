namespace Lab.Dashboard.Features.Regressions;

/// <summary>A labelled case on a board, with its history (newest first) as KCIDB statuses.</summary>
internal sealed record RegressionEntry(
    string BoardId,
    string TestId,
    RegressionKind Kind,
    string Status,
    string? LastGoodRunId,
    string? FirstBadRunId,
    string? FixedInRunId,
    IReadOnlyList<HistoryEntry> History);
