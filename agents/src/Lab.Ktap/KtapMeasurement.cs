namespace Lab.Ktap;

/// <summary>A figure a case reports: <c># lab.measure: name=value unit</c>.</summary>
/// <param name="Name">Dotted, stable name, for example <c>dma.mbps</c>.</param>
/// <param name="Value">The value.</param>
/// <param name="Unit">The unit, for example <c>MB/s</c>; empty when the value has none.</param>
public sealed record KtapMeasurement(string Name, double Value, string Unit);
