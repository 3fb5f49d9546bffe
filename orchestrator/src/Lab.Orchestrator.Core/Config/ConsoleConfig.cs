using System.ComponentModel;

namespace Lab.Orchestrator.Core.Config;

/// <summary>Where a board's serial console can be read: a command or a file, not both.</summary>
public sealed record ConsoleConfig
{
    /// <summary>A command (argv list) whose output is the console, e.g. a serial-port reader.</summary>
    [Description("Command (argv list) whose standard output is the console.")]
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>A file the console is written to.</summary>
    [Description("File the console is written to.")]
    public string? File { get; init; }
}
