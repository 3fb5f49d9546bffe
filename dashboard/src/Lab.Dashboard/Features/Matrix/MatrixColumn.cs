namespace Lab.Dashboard.Features.Matrix;

/// <summary>A matrix column: a board (one run) or a run (one board's nightly strip).</summary>
internal sealed record MatrixColumn(string Key, string Label, string RunId, string BoardId);
