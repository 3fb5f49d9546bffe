using System.ComponentModel;

namespace Lab.Orchestrator.Core.Config;

/// <summary>A named set of case-id patterns (<c>*</c> matches any run of characters).</summary>
public sealed record SuiteConfig
{
    /// <summary>Case-id patterns.</summary>
    [Description("Case id patterns; '*' matches any characters, e.g. vfio.platform.*")]
    public required IReadOnlyList<string> Cases { get; init; }

    /// <summary>Free text for people.</summary>
    [Description("Free text for people.")]
    public string? Description { get; init; }

    /// <summary>How long each stress case loops; null leaves the agent's default.</summary>
    [Description("Seconds each stress case (vfio.*.stress.*) loops; the stress cases of all devices run at the same time. Default: the agent's (5 s).")]
    public int? StressSeconds { get; init; }
}
