using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Lab.Orchestrator.Core.Config;

/// <summary>One board: how to reach, power and watch it, what it runs, what is tested on it.</summary>
public sealed record BoardConfig
{
    /// <summary>Unique id, used in results and on the command line.</summary>
    [Description("Unique board id: lower case letters, digits and '-'.")]
    public required string Id { get; init; }

    /// <summary>How the lab reaches the board.</summary>
    [Description("qemu (started by the lab), fvp (ARM FastModels), ssh (a physical board).")]
    public required BoardKind Kind { get; init; }

    /// <summary>CPU architecture.</summary>
    [Description("arm64 or armv7.")]
    public required BoardArch Arch { get; init; }

    /// <summary>Free text for people.</summary>
    [Description("Free text for people.")]
    public string? Description { get; init; }

    /// <summary>Name of the kernel (key in <c>kernels</c>).</summary>
    [Description("Key in 'kernels': the board's own kernel; its results carry the board id.")]
    public required string Kernel { get; init; }

    /// <summary>
    /// The kernels a run takes the board through, in order (keys in <c>kernels</c>, <see cref="Kernel"/> among them);
    /// null for <see cref="Kernel"/> alone. Results on another kernel are the board id's <c>ID+KERNEL</c> (see <see cref="Pipeline.BoardKernels"/>).
    /// </summary>
    [Description("Keys in 'kernels' a run takes the board through, in order, 'kernel' among them (qemu and fvp boards). Results on a kernel other than 'kernel' are under the board id ID+KERNEL.")]
    public IReadOnlyList<string>? Kernels { get; init; }

    /// <summary>Agent runtime; default by arch (arm64: nativeaot, armv7: mono).</summary>
    [Description("nativeaot (arm64) or mono (armv7). Default by arch.")]
    public AgentRuntime? AgentRuntime { get; init; }

    /// <summary>SSH endpoint.</summary>
    [Description("SSH endpoint of the board.")]
    public SshConfig Ssh { get; init; } = new();

    /// <summary>Power commands (run on the lab host).</summary>
    [Description("Power commands run on the lab host (ssh and fvp boards).")]
    public PowerConfig? Power { get; init; }

    /// <summary>Where the serial console is.</summary>
    [Description("Serial console: a command whose output is the console, or a file.")]
    public ConsoleConfig? Console { get; init; }

    /// <summary>QEMU machine settings (qemu boards).</summary>
    [Description("QEMU machine settings (qemu boards).")]
    public QemuConfig? Qemu { get; init; }

    /// <summary>ARM FastModels settings (fvp boards).</summary>
    [Description("ARM FastModels (FVP) settings (fvp boards).")]
    public FvpConfig? Fvp { get; init; }

    /// <summary>How often an infrastructure failure (power, boot, SSH) is retried.</summary>
    [Description("Retries of an infrastructure failure (power, boot, SSH) before the board run gives up; default 2.")]
    public int Retries { get; init; } = 2;

    /// <summary>Timeouts per step.</summary>
    [Description("Timeouts per step, in seconds.")]
    public TimeoutsConfig Timeouts { get; init; } = new();

    /// <summary>Feature tags test cases can require.</summary>
    [Description("Feature tags test cases can require, e.g. smmuv3, noiommu.")]
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Devices under test.</summary>
    [Description("Devices under test.")]
    public required IReadOnlyList<DeviceConfig> Devices { get; init; }

    /// <summary>Suites run on this board (keys in <c>suites</c>).</summary>
    [Description("Suites run on this board (keys in 'suites').")]
    public IReadOnlyList<string> Suites { get; init; } = [];

    /// <summary>The runtime the agent uses on this board.</summary>
    [JsonIgnore]
    public AgentRuntime EffectiveAgentRuntime =>
        AgentRuntime ?? (Arch == BoardArch.Arm64 ? Config.AgentRuntime.NativeAot : Config.AgentRuntime.Mono);
}
