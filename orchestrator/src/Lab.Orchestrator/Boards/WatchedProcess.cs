using System.Collections.Concurrent;
using System.Diagnostics;
using Lab.Orchestrator.Core.Boards;

namespace Lab.Orchestrator.Boards;

/// <summary>
/// An emulator process (QEMU, an FVP model) that never outlives the orchestrator. It runs in a process group of
/// its own (<c>setsid</c>), so a Ctrl-C in the terminal reaches only the orchestrator, which decides how to stop it;
/// a small sh watchdog holds our stdin pipe and kills the whole group when the pipe closes, even after a SIGKILL
/// of the orchestrator where no exit handler runs. Stopping kills the group: the model and anything it started.
/// </summary>
internal sealed class WatchedProcess : IAsyncDisposable
{
    /// <summary>
    /// The watchdog. The explicit <c>&lt;&amp;3</c> matters: a background job's stdin is otherwise /dev/null. The
    /// watcher must not hold our stdout/stderr pipes, or waiting for the child's output to end would wait for it too.
    /// In a non-interactive sh a background job is not a group leader, so <c>setsid</c> execs in place and
    /// <c>$q</c> is the new group's id. A TERM, INT or HUP to the watchdog itself (<c>timeout</c>, a terminal hang-up, a
    /// kill of our whole process group) kills the group as well before the watchdog goes.
    /// </summary>
    internal const string Watchdog =
        "exec 3<&0; setsid \"$@\" </dev/null & q=$!; trap 'kill -KILL \"-$q\" \"$q\" 2>/dev/null; exit 143' TERM INT HUP; " +
        "{ cat <&3; kill -KILL \"-$q\"; kill -KILL \"$q\"; } >/dev/null 2>&1 & w=$!; " +
        "wait \"$q\"; rc=$?; kill \"$w\" 2>/dev/null; exit \"$rc\"";

    private static readonly ConcurrentDictionary<WatchedProcess, byte> _live = new();
    private static int _exitHookInstalled;
    private readonly Process _process;
    private int _disposed;

    private WatchedProcess(Process process) => _process = process;

    /// <summary>The watchdog's pid (the group's leader is its child).</summary>
    public int Id => _process.Id;

    /// <summary>True once the child (and so the watchdog) has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The child's exit code, once exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <paramref name="argv"/>; each stdout and stderr line goes to <paramref name="onLine"/>.</summary>
    public static WatchedProcess Start(IReadOnlyList<string> argv, Action<string> onLine)
    {
        ArgumentNullException.ThrowIfNull(argv);
        ArgumentNullException.ThrowIfNull(onLine);
        InstallExitHook();
        var psi = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(Watchdog);
        psi.ArgumentList.Add("lab-watchdog");
        foreach (var a in argv)
        {
            psi.ArgumentList.Add(a);
        }

        var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { if (e.Data is { } l) { onLine(l); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } l) { onLine(l); } };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new BoardPowerException($"cannot start {argv[0]}: {e.Message}", e);
        }

        var watched = new WatchedProcess(process);
        _live.TryAdd(watched, 0);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return watched;
    }

    /// <summary>Waits for the child to exit.</summary>
    public Task WaitForExitAsync(CancellationToken ct) => _process.WaitForExitAsync(ct);

    /// <summary>Kills the child's whole process group at once (SIGKILL): closing our end of the watchdog's pipe does it.</summary>
    public void Kill()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // The watchdog is gone already.
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Kill();
        try
        {
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Killed; the output pipes may linger a moment. Nothing more can be done.
        }

        _live.TryRemove(this, out _);
        _process.Dispose();
    }

    private static void InstallExitHook()
    {
        if (Interlocked.Exchange(ref _exitHookInstalled, 1) != 0)
        {
            return;
        }

        // Ctrl-C and SIGTERM end the process through ProcessExit; an emulator left behind would hold RAM and a port.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var p in _live.Keys)
            {
                p.Kill();
            }
        };
    }
}
