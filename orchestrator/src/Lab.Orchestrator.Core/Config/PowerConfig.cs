using System.ComponentModel;

namespace Lab.Orchestrator.Core.Config;

/// <summary>Power commands, run on the lab host as argv lists (no shell).</summary>
public sealed record PowerConfig
{
    /// <summary>Switches the board on.</summary>
    [Description("Command (argv list) that switches the board on.")]
    public IReadOnlyList<string>? On { get; init; }

    /// <summary>Switches the board off.</summary>
    [Description("Command (argv list) that switches the board off.")]
    public IReadOnlyList<string>? Off { get; init; }

    /// <summary>Resets the board.</summary>
    [Description("Command (argv list) that resets the board.")]
    public IReadOnlyList<string>? Reset { get; init; }
}
