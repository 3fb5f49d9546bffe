namespace Lab.Dashboard.Features.Compare;

/// <summary>A case whose outcome differs between the two runs; null where it did not run.</summary>
internal sealed record CompareRow(string BoardId, string TestId, string? StatusA, string? StatusB, string? ErrnoA, string? ErrnoB);
