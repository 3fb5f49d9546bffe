namespace Lab.TestCases.Model;

/// <summary>A number a case recorded, emitted as <c># lab.measure: name=value unit</c>.</summary>
/// <param name="Name">Dotted name.</param>
/// <param name="Value">Value.</param>
/// <param name="Unit">Unit (may be empty).</param>
public sealed record CaseMeasurement(string Name, double Value, string Unit);
