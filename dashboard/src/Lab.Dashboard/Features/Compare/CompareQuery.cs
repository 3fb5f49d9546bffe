namespace Lab.Dashboard.Features.Compare;

/// <summary>What the compare form asked for: two runs, and optionally a board run of each (a board on two kernels).</summary>
internal sealed record CompareQuery(string? A, string? B, string? BoardA = null, string? BoardB = null);
