namespace Lab.Orchestrator.Core.Boards;

/// <summary>Where a board is in its run (labgrid's strategy states).</summary>
public enum BoardState
{
    /// <summary>Not powered, or powered off again.</summary>
    Off,

    /// <summary>Booted and reachable with the pinned host key.</summary>
    Booted,

    /// <summary>The VFIO modules are loaded.</summary>
    ModulesLoaded,

    /// <summary>The devices under test are bound to their VFIO drivers.</summary>
    DevicesBound,

    /// <summary>A step failed; nothing but power off and restore is allowed until a reset brings it back.</summary>
    Broken,
}
