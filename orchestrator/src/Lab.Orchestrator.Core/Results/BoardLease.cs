namespace Lab.Orchestrator.Core.Results;

/// <summary>Who holds a board, until when. A lease that is not renewed expires by itself.</summary>
public sealed record BoardLease(string BoardId, string Holder, string? RunId, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt);
