namespace Lab.Dashboard.Features.Matrix;

/// <summary>One case across the columns; a null status means the case did not run there.</summary>
internal sealed record MatrixRow(string TestId, IReadOnlyList<string?> Statuses);
