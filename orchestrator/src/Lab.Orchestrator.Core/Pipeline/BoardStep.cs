namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>The named steps of a board run, in order. A step that fails is stored as MISS <c>lab.board.NAME</c>.</summary>
public enum BoardStep
{
    /// <summary>Kernel fetch, module build, board image, agent.</summary>
    Build,

    /// <summary>Power on: the emulator starts or the power-on command runs.</summary>
    PowerOn,

    /// <summary>Until the board answers SSH with its pinned host key.</summary>
    Boot,

    /// <summary>The VFIO modules: modprobe from the image, or upload + insmod on a board with its own OS.</summary>
    DeployModules,

    /// <summary>The devices under test onto their VFIO drivers.</summary>
    Bind,

    /// <summary>The agent onto the board.</summary>
    DeployAgent,

    /// <summary>The catalog on all devices at once (devices sharing a group one after another), then the stress pass.</summary>
    Cases,

    /// <summary>The devices back to their original drivers, uploaded modules unloaded.</summary>
    Restore,

    /// <summary>Power off.</summary>
    PowerOff,
}
