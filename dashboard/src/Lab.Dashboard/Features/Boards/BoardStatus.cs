namespace Lab.Dashboard.Features.Boards;

/// <summary>A board's health after its last run, that run, and who holds it now.</summary>
internal sealed record BoardStatus(
    string BoardId,
    string Health,
    string? LastRunId,
    DateTimeOffset? LastRunAt,
    string? LastStatus,
    string? LeaseHolder,
    string? LeaseRunId,
    DateTimeOffset? LeaseExpiresAt);
