namespace Lab.Dashboard.Features.Matrix;

/// <summary>
/// One case across the columns; a null status means the case did not run there (or cannot: another device's case).
/// <paramref name="TestId"/> is the case id of a run's matrix (its device is the column's) and the stored id of a strip.
/// </summary>
internal sealed record MatrixRow(string TestId, IReadOnlyList<string?> Statuses);
