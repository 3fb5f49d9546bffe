using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Config;

namespace Lab.Orchestrator.Boards.Qemu;

/// <summary>
/// The <c>qemu</c> kind: a QEMU machine the lab starts from the image it built (modules in the image). Power on
/// starts QEMU, off is QMP <c>quit</c> (then a kill), reset is QMP <c>system_reset</c>, or a fresh start when
/// QEMU has died. The console is QEMU's serial file. The SSH host key is the image's, or lab.json's
/// <c>ssh.hostKey</c> when one is given (a mismatch is refused); <c>ssh.keyFile</c> replaces the lab key.
/// </summary>
internal sealed class QemuKind : IBoard, IBoardPower
{
    /// <summary>How long one QMP question may take.</summary>
    public static readonly TimeSpan QmpTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long QMP may stay silent before a running QEMU counts as frozen. A QEMU whose vCPU threads load both
    /// host cores can take more than <see cref="QmpTimeout"/> to answer once; a stopped one (SIGSTOP) is seen at once.
    /// </summary>
    public static readonly TimeSpan QmpSilentLimit = TimeSpan.FromSeconds(20);

    private const string Stopped = "QEMU is stopped (process state T): it runs neither the guest nor QMP";

    private readonly QemuBoardOptions _options;
    private readonly TimeProvider _time;
    private QemuBoard? _qemu;
    private long? _qmpSilentSince;

    public QemuKind(BoardConfig config, QemuBoardOptions options, TimeProvider time)
    {
        Config = config;
        _options = options;
        _time = time;
        Console = new FileConsole(Path.Combine(options.RunDirectory, "console.log"));
    }

    /// <inheritdoc />
    public BoardConfig Config { get; }

    /// <inheritdoc />
    public IBoardPower Power => this;

    /// <inheritdoc />
    public IBoardConsole Console { get; }

    /// <inheritdoc />
    public bool ModulesInImage => true;

    /// <inheritdoc />
    public string? Death => _qemu is not { } q ? null : q.Death ?? (q.StoppedBySignal ? Stopped : null);

    /// <summary>The raw disks behind the board's virtio-blk devices (checked on the host after power off).</summary>
    public IReadOnlyList<QemuDisk> Disks => _options.Disks;

    /// <inheritdoc />
    public async Task OnAsync(CancellationToken ct)
    {
        await StopAsync().ConfigureAwait(false);
        _qmpSilentSince = null;
        try
        {
            _qemu = QemuBoard.Launch(_options, _time);
        }
        catch (QemuBoardException e)
        {
            throw new BoardPowerException(e.Message, e);
        }
    }

    /// <inheritdoc />
    public async Task OffAsync(CancellationToken ct)
    {
        if (_qemu is { } q)
        {
            await q.PowerOffAsync(TimeSpan.FromSeconds(3), ct).ConfigureAwait(false);
        }

        await StopAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ResetAsync(CancellationToken ct)
    {
        if (_qemu is null || _qemu.HasExited)
        {
            await OnAsync(ct).ConfigureAwait(false);
            return;
        }

        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(QmpTimeout);
            await _qemu.QmpResetAsync(limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or InvalidOperationException
                                      || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // QMP does not answer (a frozen QEMU): start it again.
            await OnAsync(ct).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<string?> CheckAliveAsync(CancellationToken ct)
    {
        if (_qemu is not { } qemu)
        {
            return "QEMU is not running";
        }

        if (Death is { } death)
        {
            return death; // exited, or stopped by a signal
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(QmpTimeout);
        try
        {
            var status = await qemu.QueryStatusAsync(limit.Token).ConfigureAwait(false);
            _qmpSilentSince = null;
            return status == "running" ? null : $"QEMU reports the guest {status}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Silent();
        }
        catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode is System.Net.Sockets.SocketError.WouldBlock or System.Net.Sockets.SocketError.TryAgain)
        {
            return Silent(); // the monitor's queue is full: another client holds it, as a busy QEMU keeps it
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return qemu.Death ?? "QMP failed: " + e.Message;
        }

        string? Silent()
        {
            _qmpSilentSince ??= _time.GetTimestamp();
            var silent = _time.GetElapsedTime(_qmpSilentSince.Value);
            return silent >= QmpSilentLimit
                ? $"QEMU has not answered QMP for {silent.TotalSeconds:F0} s (frozen)"
                : null; // busy, not yet frozen: the next check asks again
        }
    }

    /// <inheritdoc />
    public async Task<IBoardLink> WaitReadyAsync(CancellationToken ct)
    {
        var qemu = _qemu ?? throw new BoardPowerException("the board is not powered on");
        try
        {
            await qemu.WaitUntilReadyAsync(qemu.ResetConsoleOffset, ct).ConfigureAwait(false);
        }
        catch (QemuBoardException e) when (e.Failure == QemuFailure.ExitedEarly)
        {
            throw new BoardPowerException(e.Message, e);
        }
        catch (QemuBoardException e) when (e.Failure == QemuFailure.BootTimeout)
        {
            throw new TimeoutException(e.Message, e);
        }

        return qemu.DetachSsh();
    }

    /// <inheritdoc />
    public async Task<IBoardLink> ConnectAsync(CancellationToken ct) =>
        await (_qemu ?? throw new BoardPowerException("the board is not powered on")).ConnectAsync(ct).ConfigureAwait(false);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StopAsync()
    {
        if (_qemu is { } q)
        {
            _qemu = null;
            await q.DisposeAsync().ConfigureAwait(false);
        }
    }
}
