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

    /// <summary>How many boards <c>lab serve</c> runs at once.</summary>
    [Description("How many boards lab serve runs at the same time (jobs on different boards). Default: 1.")]
    public int MaxParallelBoards { get; init; } = 1;

    /// <summary>Where <c>lab serve</c> posts job ends and new regressions, if anywhere.</summary>
    [Description("A webhook lab serve POSTs JSON to when a job ends and when a run has new regressions.")]
    public WebhookConfig? Webhook { get; init; }

    /// <summary>The nightly schedule, if any.</summary>
    [Description("The nightly schedule.")]
    public NightlyConfig? Nightly { get; init; }
}
