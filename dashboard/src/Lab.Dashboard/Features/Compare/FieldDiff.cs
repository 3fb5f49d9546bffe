namespace Lab.Dashboard.Features.Compare;

/// <summary>A build field that differs.</summary>
internal sealed record FieldDiff(string Field, string? A, string? B);
