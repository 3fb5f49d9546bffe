using System.ComponentModel;

namespace Lab.Orchestrator.Core.Config;

/// <summary>Timeouts per pipeline step, in seconds.</summary>
public sealed record TimeoutsConfig
{
    /// <summary>Fetching the kernel, building the modules, the image and the agent.</summary>
    [Description("Fetching the kernel, building the modules, the board image and the agent.")]
    public int BuildSeconds { get; init; } = 1800;

    /// <summary>One power command (on, off, reset) or the emulator start.</summary>
    [Description("One power action: a power command, or starting/stopping the emulator.")]
    public int PowerSeconds { get; init; } = 60;

    /// <summary>Power on to SSH ready.</summary>
    [Description("Power on to SSH ready.")]
    public int BootSeconds { get; init; } = 180;

    /// <summary>Uploading the agent and modules.</summary>
    [Description("Uploading the agent and modules.")]
    public int DeploySeconds { get; init; } = 300;

    /// <summary>Loading modules and binding devices.</summary>
    [Description("Loading modules and binding devices.")]
    public int SetupSeconds { get; init; } = 120;

    /// <summary>One test case.</summary>
    [Description("One test case.")]
    public int CaseSeconds { get; init; } = 120;

    /// <summary>The whole board run.</summary>
    [Description("The whole board run.")]
    public int BoardSeconds { get; init; } = 3600;
}
