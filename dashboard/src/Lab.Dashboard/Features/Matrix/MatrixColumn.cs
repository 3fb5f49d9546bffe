namespace Lab.Dashboard.Features.Matrix;

/// <summary>
/// A matrix column: a (board, device) of one run, the board's kernel named, or a run of one board's nightly strip.
/// <paramref name="Device"/> is null for a column whose rows are whole stored ids (the strip, a board's own results).
/// </summary>
internal sealed record MatrixColumn(string Key, string Label, string RunId, string BoardId, string? Device = null, string? Kernel = null);
