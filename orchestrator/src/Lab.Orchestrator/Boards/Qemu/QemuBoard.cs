using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
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

    /// <summary>
    /// QEMU runs under a small sh watchdog that holds our stdin pipe: if the orchestrator dies in any way (even
    /// SIGKILL, where no ProcessExit handler runs), the pipe closes and the watchdog kills QEMU. The explicit
    /// <c>&lt;&amp;3</c> matters: a background job's stdin is otherwise /dev/null. The watcher must not hold our
    /// stdout/stderr pipes, or waiting for QEMU's output to end would wait for the watcher too.
    /// </summary>
    internal const string Watchdog =
        "exec 3<&0; \"$@\" </dev/null & q=$!; { cat <&3; kill -KILL \"$q\"; } >/dev/null 2>&1 & w=$!; " +
        "wait \"$q\"; rc=$?; kill \"$w\" 2>/dev/null; exit \"$rc\"";

    private static readonly ConcurrentDictionary<Process, byte> _live = new();
    private static int _exitHookInstalled;

    private readonly QemuBoardOptions _options;
    private readonly TimeProvider _time;
    private readonly Process _process;
    private readonly string _qemuLogPath;
    private readonly Lock _logGate = new();
    private readonly StreamWriter _qemuLog;
    private BoardSsh? _ssh;
    private int _disposed;

    private QemuBoard(QemuBoardOptions options, TimeProvider time, Process process, int port, StreamWriter qemuLog, string qemuLogPath)
    {
        _options = options;
        _time = time;
        _process = process;
        SshPort = port;
        _qemuLog = qemuLog;
        _qemuLogPath = qemuLogPath;
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

    /// <summary>True once QEMU has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The session opened when the board became ready; owned by the board.</summary>
    public BoardSsh Ssh => _ssh ?? throw new InvalidOperationException("the board is not ready");

    /// <summary>How to reach the board over SSH (pinned host key, lab key).</summary>
    public BoardSshOptions SshOptions => new("127.0.0.1", SshPort, _options.LabKeyPath, _options.HostKeySha256);

    /// <summary>Starts QEMU and waits until an SSH session with the pinned host key is up.</summary>
    /// <exception cref="QemuBoardException">QEMU is missing, exited early, or the board was not reachable in time.</exception>
    public static async Task<QemuBoard> StartAsync(QemuBoardOptions options, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var binary = ResolveBinary(options.QemuBinary)
            ?? throw new QemuBoardException(QemuFailure.MissingPrerequisite,
                $"{options.QemuBinary} is not installed: run scripts/setup-host.sh qemu");
        foreach (var file in new[] { options.KernelImage, options.Initramfs, options.LabKeyPath })
        {
            if (!File.Exists(file))
            {
                throw new QemuBoardException(QemuFailure.MissingPrerequisite,
                    $"{file} does not exist: build the image with kernel/board/build-image.sh");
            }
        }

        Directory.CreateDirectory(options.RunDirectory);
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

    /// <summary>Opens another SSH session to the board.</summary>
    public Task<BoardSsh> ConnectAsync(CancellationToken ct) => BoardSsh.ConnectAsync(SshOptions, _time, ct);

    /// <summary>
    /// Hard-resets the board through QMP (<c>system_reset</c>) and waits until it is SSH-ready again with a new
    /// <see cref="Ssh"/> session; the old session is closed first. Nothing loaded or bound survives.
    /// </summary>
    public async Task ResetAsync(CancellationToken ct)
    {
        _ssh?.Dispose();
        _ssh = null;
        var offset = ConsoleLength();
        await QmpAsync("system_reset", ct).ConfigureAwait(false);
        QemuBoardLog.Reset(_options.Logger, SshPort);
        await WaitUntilReadyAsync(offset, ct).ConfigureAwait(false);
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
            using var cts = TimeoutSource.Create(_time, grace, ct);
            await QmpAsync("quit", cts.Token).ConfigureAwait(false);
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or System.Net.Sockets.SocketException
                                      or InvalidOperationException)
        {
            Kill();
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Kills QEMU at once (SIGKILL): what a crashed or hung board looks like to the orchestrator.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>The last lines of the serial console.</summary>
    public string ConsoleTail(int lines = 40) => Tail(ConsoleLogPath, lines);

    /// <summary>The last lines of QEMU's own output.</summary>
    public string QemuLogTail(int lines = 20)
    {
        lock (_logGate)
        {
            _qemuLog.Flush();
        }

        return Tail(_qemuLogPath, lines);
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

            try
            {
                // Ends the watchdog's cat (it holds the read end of this pipe).
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The watchdog is gone already.
            }

            _live.TryRemove(_process, out _);
            _process.Dispose();
            lock (_logGate)
            {
                _qemuLog.Dispose();
            }
        }
    }

    private static QemuBoard Launch(QemuBoardOptions options, TimeProvider time, string binary)
    {
        InstallExitHook();
        var run = options.RunDirectory;
        foreach (var stale in new[] { "console.log", "qmp.sock", "qemu.pid" })
        {
            File.Delete(Path.Combine(run, stale));
        }

        var port = FreePort.OnLoopback();
        var psi = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(Watchdog);
        psi.ArgumentList.Add("qemu-watchdog");
        psi.ArgumentList.Add(binary);
        foreach (var arg in Arguments(options, port))
        {
            psi.ArgumentList.Add(arg);
        }

        var logPath = Path.Combine(run, "qemu.log");
        var log = new StreamWriter(logPath, append: false);
        var process = new Process { StartInfo = psi };
        var board = new QemuBoard(options, time, process, port, log, logPath);
        process.OutputDataReceived += (_, e) => board.AppendLog(e.Data);
        process.ErrorDataReceived += (_, e) => board.AppendLog(e.Data);
        board.AppendLog($"# {binary} {string.Join(' ', psi.ArgumentList.Select(ShellQuote.Quote))}");
        process.Start();
        _live.TryAdd(process, 0);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        QemuBoardLog.Started(options.Logger, process.Id, port, run);
        return board;
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
            "-append", ("console=ttyAMA0 rdinit=/init " + options.ExtraKernelArguments).Trim(),
            "-netdev", $"user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}-:22",
            "-device", "virtio-net-device,netdev=n0",
        ];
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

    private static void InstallExitHook()
    {
        if (Interlocked.Exchange(ref _exitHookInstalled, 1) != 0)
        {
            return;
        }

        // Ctrl-C and SIGTERM end the process through ProcessExit; a QEMU left behind would hold RAM and a port.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in _live.Keys)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }
        };
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

    private static string Tail(string path, int lines)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines)).TrimEnd();
        }
        catch (IOException)
        {
            return "(empty)";
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

    private async Task WaitUntilReadyAsync(long consoleOffset, CancellationToken ct)
    {
        using var deadline = TimeoutSource.Create(_time, _options.BootTimeout, ct);
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
                catch (BoardConnectionLostException) when (!deadline.IsCancellationRequested)
                {
                    await Task.Delay(poll, _time, deadline.Token).ConfigureAwait(false);
                }
                catch (Renci.SshNet.Common.SshException) when (!deadline.IsCancellationRequested)
                {
                    await Task.Delay(poll, _time, deadline.Token).ConfigureAwait(false);
                }
                catch (System.Net.Sockets.SocketException) when (!deadline.IsCancellationRequested)
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
