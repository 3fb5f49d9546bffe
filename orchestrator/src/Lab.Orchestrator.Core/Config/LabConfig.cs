using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Lab.Orchestrator.Core.Config;

/// <summary>The lab inventory: lab.json.</summary>
public sealed record LabConfig
{
    /// <summary>The schema reference editors use; ignored by the lab.</summary>
    [JsonPropertyName("$schema")]
    [Description("JSON Schema for editors.")]
    public string? Schema { get; init; }

    /// <summary>Results store path, relative to lab.json.</summary>
    [Description("Results store (LiteDB file), relative to lab.json. Default: .lab/results.db")]
    public string? Store { get; init; }

    /// <summary>Kernels the boards run, by name.</summary>
    [Description("Kernels the boards run, by name.")]
    public IReadOnlyDictionary<string, KernelConfig> Kernels { get; init; } = new Dictionary<string, KernelConfig>();

    /// <summary>Named sets of case-id patterns.</summary>
    [Description("Named sets of case id patterns.")]
    public IReadOnlyDictionary<string, SuiteConfig> Suites { get; init; } = new Dictionary<string, SuiteConfig>();

    /// <summary>The boards.</summary>
    [Description("The boards of the lab.")]
    public required IReadOnlyList<BoardConfig> Boards { get; init; }

    /// <summary>The nightly schedule, if any.</summary>
    [Description("The nightly schedule.")]
    public NightlyConfig? Nightly { get; init; }
}
