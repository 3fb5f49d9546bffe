namespace Lab.Orchestrator.Core.Boards;

/// <summary>
/// Power of one board: a QEMU process and QMP, host commands for a physical board's switch, the FVP model
/// process. Each call ends in bounded time; a failure throws <see cref="BoardPowerException"/>.
/// </summary>
public interface IBoardPower
{
    /// <summary>Switches the board on (starts the emulator or runs the power-on command).</summary>
    Task OnAsync(CancellationToken ct);

    /// <summary>Switches the board off; never leaves an emulator process behind.</summary>
    Task OffAsync(CancellationToken ct);

    /// <summary>A hard reset: nothing loaded or bound survives it.</summary>
    Task ResetAsync(CancellationToken ct);
}
