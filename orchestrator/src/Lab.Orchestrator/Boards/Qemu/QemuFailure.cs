namespace Lab.Orchestrator.Boards.Qemu;

/// <summary>Why a QEMU board is not usable; all are infrastructure failures (MISS), not kernel results.</summary>
internal enum QemuFailure
{
    /// <summary>qemu-system-aarch64 (or another host tool) is not installed.</summary>
    MissingPrerequisite,

    /// <summary>QEMU exited before the board was ready (bad arguments, port taken, kernel panic with -no-reboot).</summary>
    ExitedEarly,

    /// <summary>The board did not become reachable over SSH in time.</summary>
    BootTimeout,
}
