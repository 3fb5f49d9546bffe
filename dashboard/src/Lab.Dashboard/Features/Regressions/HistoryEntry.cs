namespace Lab.Dashboard.Features.Regressions;

/// <summary>One point of a case's history as the API shows it.</summary>
internal sealed record HistoryEntry(string RunId, DateTimeOffset StartedAt, string Status);
