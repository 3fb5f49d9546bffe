using Lab.Orchestrator.Core.Config;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>
/// The steps of a board run with their names and timeouts from lab.json, checked before any board is touched.
/// </summary>
public static class BoardSteps
{
    /// <summary>Every step, in run order.</summary>
    public static IReadOnlyList<BoardStep> All { get; } = Enum.GetValues<BoardStep>();

    /// <summary>The step's name in results (<c>lab.board.NAME</c>) and in the plan.</summary>
    public static string Name(BoardStep step) => step switch
    {
        BoardStep.PowerOn => "power-on",
        BoardStep.DeployModules => "deploy-modules",
        BoardStep.DeployAgent => "deploy-agent",
        BoardStep.PowerOff => "power-off",
        _ => step.ToString().ToLowerInvariant(),
    };

    /// <summary>The step's limit (for Cases: the limit of one case's silence).</summary>
    public static TimeSpan Timeout(BoardStep step, TimeoutsConfig t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var seconds = step switch
        {
            BoardStep.Build => t.BuildSeconds,
            BoardStep.PowerOn or BoardStep.PowerOff => t.PowerSeconds,
            BoardStep.Boot => t.BootSeconds,
            BoardStep.DeployModules or BoardStep.DeployAgent => t.DeploySeconds,
            BoardStep.Bind or BoardStep.Restore => t.SetupSeconds,
            _ => t.CaseSeconds,
        };
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>What the step does on this board, one line for <c>lab run --plan</c>.</summary>
    public static string Describe(BoardStep step, BoardConfig board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var own = board.Kind != BoardKind.Qemu;
        return step switch
        {
            BoardStep.Build => own ? "fetch the kernel headers, build drivers/vfio and the agent" : "fetch the kernel, build drivers/vfio, the board image and the agent",
            BoardStep.PowerOn => board.Kind switch
            {
                BoardKind.Qemu => "start QEMU (" + (board.Qemu?.Machine ?? "virt") + ")",
                BoardKind.Fvp => "start the model " + Path.GetFileName(board.Fvp?.Model ?? "?"),
                _ => "run power.on: " + string.Join(' ', board.Power?.On ?? []),
            },
            BoardStep.Boot => "wait for SSH with the pinned host key",
            BoardStep.DeployModules => own ? "check uname -r, upload the modules over SFTP, insmod in dependency order" : "modprobe the modules in the image",
            BoardStep.Bind => $"bind {board.Devices.Count} device(s) to their VFIO drivers",
            BoardStep.DeployAgent => "upload the agent (" + board.EffectiveAgentRuntime.ToString().ToLowerInvariant() + ")",
            BoardStep.Cases => "run the cases of all devices at once (devices sharing a group one after another), then the stress pass",
            BoardStep.Restore => own ? "rebind the original drivers, unload the uploaded modules" : "rebind the original drivers",
            _ => board.Kind == BoardKind.Ssh ? "run power.off: " + string.Join(' ', board.Power?.Off ?? []) : "stop the emulator",
        };
    }

    /// <summary>The problems that stop a board before it is touched (none: empty).</summary>
    public static IReadOnlyList<string> Check(BoardConfig board, LabConfig lab)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(lab);
        List<string> problems = [];
        foreach (var step in All)
        {
            if (Timeout(step, board.Timeouts) <= TimeSpan.Zero)
            {
                problems.Add($"step {Name(step)} has no time (timeouts)");
            }
        }

        if (!lab.Kernels.ContainsKey(board.Kernel))
        {
            problems.Add($"kernel '{board.Kernel}' is not defined in lab.json");
        }

        switch (board.Kind)
        {
            case BoardKind.Ssh when board.Power is not { On.Count: > 0, Off.Count: > 0 }:
                problems.Add("an ssh board needs power.on and power.off");
                break;
            case BoardKind.Fvp when board.Fvp is null:
                problems.Add("an fvp board needs its fvp settings (model)");
                break;
            case BoardKind.Qemu when board.Kernel is { } k && lab.Kernels.TryGetValue(k, out var kc) && kc.Source == KernelSourceKind.Tree && kc.Headers is not null:
                problems.Add("a qemu board boots a Debian kernel: a tree kernel for it builds against that kernel's headers, so it takes no 'headers'");
                break;
        }

        return problems;
    }
}
