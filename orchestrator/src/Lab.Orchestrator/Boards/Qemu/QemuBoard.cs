using System.Globalization;
using Lab.Orchestrator.Core;
using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Ssh;

namespace Lab.Orchestrator.Boards.Qemu;

/// <summary>
/// One QEMU arm64 <c>virt</c> board: started on a free loopback port with SSH forwarded from 127.0.0.1 only and
/// the guest's network restricted, console to a file, QMP on a unix socket for reset and power off, ready when
/// an SSH session with the pinned host key is up. Dispose it (<c>await using</c>): no QEMU outlives it, and
/// none outlives the orchestrator process either (killed on process exit and Ctrl-C).
/// </summary>
internal sealed class QemuBoard : IAsyncDisposable
{
    private const int PortAttempts = 3;

    private readonly QemuBoardOptions _options;
    private readonly TimeProvider _time;
    private readonly WatchedProcess _process;
    private readonly string _qemuLogPath;
    private readonly Lock _logGate = new();
    private readonly StreamWriter _qemuLog;
    private BoardSsh? _ssh;
    private int _disposed;

    private QemuBoard(QemuBoardOptions options, TimeProvider time, int port, StreamWriter qemuLog, string qemuLogPath, Func<QemuBoard, WatchedProcess> start)
    {
        _options = options;
        _time = time;
        SshPort = port;
        _qemuLog = qemuLog;
        _qemuLogPath = qemuLogPath;
        _process = start(this);
    }

    /// <summary>The host port forwarded to the board's port 22, on 127.0.0.1.</summary>
    public int SshPort { get; }

    /// <summary>The serial console, written by QEMU.</summary>
    public string ConsoleLogPath => Path.Combine(_options.RunDirectory, "console.log");

    /// <summary>QEMU's own stdout and stderr.</summary>
    public string QemuLogPath => _qemuLogPath;

    /// <summary>The QMP socket.</summary>
    public string QmpSocketPath => Path.Combine(_options.RunDirectory, "qmp.sock");

    /// <summary>QEMU's process id (from its -pidfile; the watchdog's until QEMU has written it).</summary>
    public int ProcessId
    {
        get
        {
            try
            {
                var text = File.ReadAllText(Path.Combine(_options.RunDirectory, "qemu.pid")).Trim();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : _process.Id;
            }
            catch (IOException)
            {
                return _process.Id;
            }
        }
    }

    /// <summary>True while QEMU is stopped by a signal (SIGSTOP) or a tracer: it then runs neither its guest nor QMP.</summary>
    public bool StoppedBySignal => ProcessState.Stopped(ProcessId);

    /// <summary>True once QEMU has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The session opened when the board became ready; owned by the board.</summary>
    public BoardSsh Ssh => _ssh ?? throw new InvalidOperationException("the board is not ready");

    /// <summary>How to reach the board over SSH (pinned host key, lab key).</summary>
    public BoardSshOptions SshOptions => new("127.0.0.1", SshPort, _options.LabKeyPath, _options.HostKeySha256);

    /// <summary>QEMU's exit, as a sentence; null while it runs.</summary>
    public string? Death => _process.HasExited ? $"QEMU exited with code {_process.ExitCode}" : null;

    /// <summary>Starts QEMU and waits until an SSH session with the pinned host key is up.</summary>
    /// <exception cref="QemuBoardException">QEMU is missing, exited early, or the board was not reachable in time.</exception>
    public static async Task<QemuBoard> StartAsync(QemuBoardOptions options, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        CheckPrerequisites(options);
        Directory.CreateDirectory(options.RunDirectory);
        var binary = ResolveBinary(options.QemuBinary)!;
        for (var attempt = 1; ; attempt++)
        {
            var start = time.GetTimestamp();
            var board = Launch(options, time, binary);
            try
            {
                await board.WaitUntilReadyAsync(consoleOffset: 0, ct).ConfigureAwait(false);
                var elapsed = time.GetElapsedTime(start);
                QemuBoardLog.Ready(options.Logger, board.SshPort, elapsed);
                return board;
            }
            catch (QemuBoardException e) when (e.Failure == QemuFailure.ExitedEarly && attempt < PortAttempts
                                               && board.QemuLogTail().Contains("host forwarding", StringComparison.OrdinalIgnoreCase))
            {
                // Another process took the port between FreePort and QEMU's bind: try another one.
                QemuBoardLog.PortTaken(options.Logger, board.SshPort);
                await board.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await board.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Starts QEMU and returns at once; <see cref="WaitUntilReadyAsync"/> waits for the board.</summary>
    /// <exception cref="QemuBoardException">QEMU or a file it needs is missing.</exception>
    public static QemuBoard Launch(QemuBoardOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckPrerequisites(options);
        Directory.CreateDirectory(options.RunDirectory);
        return Launch(options, time, ResolveBinary(options.QemuBinary)!);
    }

    /// <summary>Hands the session opened when the board became ready to the caller, who disposes it.</summary>
    public BoardSsh DetachSsh()
    {
        var ssh = _ssh ?? throw new InvalidOperationException("the board is not ready");
        _ssh = null;
        return ssh;
    }

    /// <summary>Opens another SSH session to the board.</summary>
    public Task<BoardSsh> ConnectAsync(CancellationToken ct) => BoardSsh.ConnectAsync(SshOptions, _time, ct);

    /// <summary>
    /// Hard-resets the board through QMP (<c>system_reset</c>) and waits until it is SSH-ready again with a new
    /// <see cref="Ssh"/> session; the old session is closed first. Nothing loaded or bound survives.
    /// </summary>
    public async Task ResetAsync(CancellationToken ct)
    {
        await QmpResetAsync(ct).ConfigureAwait(false);
        await WaitUntilReadyAsync(ResetConsoleOffset, ct).ConfigureAwait(false);
    }

    /// <summary>The console's length at the last reset: the ready line of the boot after it comes later (0 before any reset).</summary>
    public long ResetConsoleOffset { get; private set; }

    /// <summary>QMP <c>system_reset</c> without waiting; the session is closed first.</summary>
    public async Task QmpResetAsync(CancellationToken ct)
    {
        _ssh?.Dispose();
        _ssh = null;
        ResetConsoleOffset = ConsoleLength();
        await QmpAsync("system_reset", ct).ConfigureAwait(false);
        QemuBoardLog.Reset(_options.Logger, SshPort);
    }

    /// <summary>QMP <c>query-status</c>: <c>running</c>, <c>paused</c>, <c>guest-panicked</c>, <c>internal-error</c>...</summary>
    public async Task<string> QueryStatusAsync(CancellationToken ct)
    {
        var qmp = await QmpClient.ConnectAsync(QmpSocketPath, ct).ConfigureAwait(false);
        await using (qmp.ConfigureAwait(false))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(await qmp.ExecuteAsync("query-status", ct).ConfigureAwait(false));
            return doc.RootElement.TryGetProperty("status", out var status) ? status.GetString() ?? "unknown" : "unknown";
        }
    }

    /// <summary>Powers the board off (QMP <c>quit</c>) and waits for QEMU to exit; kills it after <paramref name="grace"/>.</summary>
    public async Task PowerOffAsync(TimeSpan grace, CancellationToken ct)
    {
        if (_process.HasExited)
        {
            return;
        }

        try
        {
            using var cts = new StepTimeout(_time, grace, ct);
            await QmpAsync("quit", cts.Token).ConfigureAwait(false);
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or System.Net.Sockets.SocketException
                                      or InvalidOperationException)
        {
            Kill();
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Kills QEMU at once (SIGKILL): what a crashed or hung board looks like to the orchestrator.</summary>
    public void Kill() => _process.Kill();

    /// <summary>The last lines of the serial console.</summary>
    public string ConsoleTail(int lines = 40) => Text.TailOfFile(ConsoleLogPath, lines);

    /// <summary>The last lines of QEMU's own output.</summary>
    public string QemuLogTail(int lines = 20)
    {
        lock (_logGate)
        {
            _qemuLog.Flush();
        }

        return Text.TailOfFile(_qemuLogPath, lines);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _ssh?.Dispose();
        _ssh = null;
        try
        {
            await PowerOffAsync(TimeSpan.FromSeconds(3), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Kill();
            if (_process.HasExited)
            {
                QemuBoardLog.Stopped(_options.Logger, _process.Id, _process.ExitCode);
            }

            await _process.DisposeAsync().ConfigureAwait(false);
            lock (_logGate)
            {
                _qemuLog.Dispose();
            }
        }
    }

    private static QemuBoard Launch(QemuBoardOptions options, TimeProvider time, string binary)
    {
        var run = options.RunDirectory;
        foreach (var stale in new[] { "console.log", "qmp.sock", "qemu.pid" })
        {
            File.Delete(Path.Combine(run, stale));
        }

        var port = FreePort.OnLoopback();
        var logPath = Path.Combine(run, "qemu.log");
        var log = new StreamWriter(logPath, append: false);
        List<string> argv = [binary, .. Arguments(options, port)];
        var board = new QemuBoard(options, time, port, log, logPath, b =>
        {
            b.AppendLog($"# {ShellQuote.Join(argv)}");
            return WatchedProcess.Start(argv, b.AppendLog);
        });
        QemuBoardLog.Started(options.Logger, board._process.Id, port, run);
        return board;
    }

    private static void CheckPrerequisites(QemuBoardOptions options)
    {
        if (ResolveBinary(options.QemuBinary) is null)
        {
            throw new QemuBoardException(QemuFailure.MissingPrerequisite, $"{options.QemuBinary} is not installed: run scripts/setup-host.sh qemu");
        }

        foreach (var file in new[] { options.KernelImage, options.Initramfs, options.LabKeyPath })
        {
            if (!File.Exists(file))
            {
                throw new QemuBoardException(QemuFailure.MissingPrerequisite,
                    $"{file} does not exist: build the image with kernel/board/build-image.sh");
            }
        }
    }

    /// <summary>The QEMU command line (LABNOTES), loopback only: hostfwd on 127.0.0.1 and <c>restrict=on</c> so the guest cannot reach out.</summary>
    internal static IReadOnlyList<string> Arguments(QemuBoardOptions options, int port)
    {
        var run = options.RunDirectory;
        List<string> args =
        [
            "-M", options.Machine, "-cpu", options.Cpu,
            "-smp", options.Cpus.ToString(CultureInfo.InvariantCulture),
            "-m", options.MemoryMiB.ToString(CultureInfo.InvariantCulture),
            "-display", "none", "-nodefaults",
            "-kernel", options.KernelImage, "-initrd", options.Initramfs,
            "-append", ($"console={options.Console} rdinit=/init " + options.ExtraKernelArguments).Trim(),
        ];
        if (options.DeviceTree is { } dtb)
        {
            args.AddRange(["-dtb", dtb]);
        }

        var user = $"user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}-:22";
        args.AddRange(options.Nic == Core.Config.QemuConfig.VirtioNic
            ? ["-netdev", user, "-device", options.Nic + ",netdev=n0"]
            : ["-nic", user + ",model=" + options.Nic]);
        foreach (var device in options.Devices)
        {
            args.AddRange(["-device", device]);
        }

        foreach (var disk in options.Disks)
        {
            args.AddRange(["-drive", disk.DriveOption, "-device", "virtio-blk-device,drive=" + disk.Id]);
        }

        args.AddRange([
            "-serial", "file:" + Path.Combine(run, "console.log"),
            "-monitor", "none",
            "-qmp", $"unix:{Path.Combine(run, "qmp.sock")},server=on,wait=off",
            "-pidfile", Path.Combine(run, "qemu.pid"),
        ]);
        return args;
    }

    private static string? ResolveBinary(string name)
    {
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }

    private long ConsoleLength()
    {
        var info = new FileInfo(ConsoleLogPath);
        return info.Exists ? info.Length : 0;
    }

    /// <summary>The console text written after <paramref name="offset"/> (a reset's boot, not the one before).</summary>
    private string ConsoleSince(long offset)
    {
        try
        {
            using var stream = new FileStream(ConsoleLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logGate)
        {
            if (_disposed == 0)
            {
                _qemuLog.WriteLine(line);
            }
        }
    }

    /// <summary>Waits until the console says the board is up and an SSH session with the pinned key is open.</summary>
    public async Task WaitUntilReadyAsync(long consoleOffset, CancellationToken ct)
    {
        using var deadline = new StepTimeout(_time, _options.BootTimeout, ct);
        var poll = TimeSpan.FromMilliseconds(100);
        try
        {
            // 1) the ready line on the console: dropbear listens (cheap to poll, no SSH handshakes under TCG).
            while (!ConsoleSince(consoleOffset).Contains(QemuBoardOptions.ReadyMarker, StringComparison.Ordinal))
            {
                ThrowIfExited("before the board was ready");
                await Task.Delay(poll, _time, deadline.Token).ConfigureAwait(false);
            }

            // 2) an authenticated session with the pinned host key.
            while (true)
            {
                ThrowIfExited("before SSH came up");
                try
                {
                    _ssh = await ConnectAsync(deadline.Token).ConfigureAwait(false);
                    return;
                }
                catch (BoardConnectionLostException) when (!deadline.Token.IsCancellationRequested)
                {
                    await Task.Delay(poll, _time, deadline.Token).ConfigureAwait(false);
                }
                catch (Renci.SshNet.Common.SshException) when (!deadline.Token.IsCancellationRequested)
                {
                    await Task.Delay(poll, _time, deadline.Token).ConfigureAwait(false);
                }
                catch (System.Net.Sockets.SocketException) when (!deadline.Token.IsCancellationRequested)
                {
                    await Task.Delay(poll, _time, deadline.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            ThrowIfExited("before the board was ready");
            throw new QemuBoardException(QemuFailure.BootTimeout,
                $"board not reachable over SSH on 127.0.0.1:{SshPort} within {_options.BootTimeout.TotalSeconds} s; console tail:\n{ConsoleTail()}", e);
        }
    }

    private void ThrowIfExited(string when)
    {
        if (_process.HasExited)
        {
            throw new QemuBoardException(QemuFailure.ExitedEarly,
                $"QEMU exited with code {_process.ExitCode} {when}; QEMU log:\n{QemuLogTail()}\nconsole tail:\n{ConsoleTail()}");
        }
    }

    private async Task QmpAsync(string command, CancellationToken ct)
    {
        var qmp = await QmpClient.ConnectAsync(QmpSocketPath, ct).ConfigureAwait(false);
        await using (qmp.ConfigureAwait(false))
        {
            await qmp.ExecuteAsync(command, ct).ConfigureAwait(false);
        }
    }
}
