using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Regressions;

/// <summary>A case's status in one run.</summary>
internal sealed record HistoryPoint(string RunId, DateTimeOffset StartedAt, TestStatus Status);
