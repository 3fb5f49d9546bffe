using Lab.Orchestrator.Core.Config;

namespace Lab.Orchestrator.Core.Boards;

/// <summary>
/// A board as what it can do (labgrid's split): power, console, and once booted a link for commands and files.
/// The kinds (qemu, ssh, fvp) are adapters in the <c>lab</c> executable; the pipeline knows only this.
/// Dispose it (<c>await using</c>): no emulator, console reader or power helper outlives it.
/// </summary>
public interface IBoard : IAsyncDisposable
{
    /// <summary>The board's lab.json entry.</summary>
    BoardConfig Config { get; }

    /// <summary>Power on, off, reset.</summary>
    IBoardPower Power { get; }

    /// <summary>The captured serial console.</summary>
    IBoardConsole Console { get; }

    /// <summary>
    /// True when the board's image already carries the VFIO modules built for this run (QEMU boards the lab
    /// builds): they are loaded with modprobe. False for a board with its own OS: they are uploaded and insmodded.
    /// </summary>
    bool ModulesInImage { get; }

    /// <summary>
    /// Why the board is known to be dead or stopped (its emulator exited, or was stopped by a signal), or null while
    /// it may be alive; cheap enough to ask several times a second. Physical boards cannot tell: null.
    /// </summary>
    string? Death { get; }

    /// <summary>
    /// Waits after power on or reset until the board answers with its pinned host key and returns the link;
    /// throws <see cref="TimeoutException"/> when <paramref name="ct"/> ends the wait first.
    /// </summary>
    Task<IBoardLink> WaitReadyAsync(CancellationToken ct);

    /// <summary>
    /// Why the board is known not to be running its kernel any more (emulator gone, frozen or stopped, guest
    /// panicked), asked of the board's own controls (QMP for QEMU) within a few seconds; null when it looks alive or
    /// the kind cannot tell (a physical board: the SSH probe decides).
    /// </summary>
    Task<string?> CheckAliveAsync(CancellationToken ct);

    /// <summary>Opens another link to a booted board (after a dropped one).</summary>
    Task<IBoardLink> ConnectAsync(CancellationToken ct);
}
