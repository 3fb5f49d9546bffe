using System.ComponentModel;

namespace Lab.Orchestrator.Core.Config;

/// <summary>When the nightly run starts and what it covers.</summary>
public sealed record NightlyConfig
{
    /// <summary>Five-field cron expression (UTC).</summary>
    [Description("Five-field cron expression, UTC, e.g. '0 2 * * *'.")]
    public required string Cron { get; init; }

    /// <summary>Boards; empty means all.</summary>
    [Description("Board ids; empty means every board.")]
    public IReadOnlyList<string> Boards { get; init; } = [];
}
