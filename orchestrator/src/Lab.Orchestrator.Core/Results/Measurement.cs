namespace Lab.Orchestrator.Core.Results;

/// <summary>A figure a case reported, for trends: DMA MB/s, map/unmap ops/s, IRQ rate.</summary>
public sealed record Measurement(string Name, double Value, string Unit);
