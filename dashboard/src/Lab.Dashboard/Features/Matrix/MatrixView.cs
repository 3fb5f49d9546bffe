namespace Lab.Dashboard.Features.Matrix;

/// <summary>Cases x columns, coloured by status.</summary>
internal sealed record MatrixView(string Title, IReadOnlyList<MatrixColumn> Columns, IReadOnlyList<MatrixRow> Rows);
