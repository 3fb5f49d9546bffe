namespace Lab.Orchestrator.Core.Results;

/// <summary>Filters for listing runs, newest first.</summary>
public sealed record RunQuery(
    RunTrigger? Trigger = null,
    string? BoardId = null,
    TestStatus? Status = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Skip = 0,
    int Limit = 50);
