using System.Diagnostics;
using Lab.Orchestrator.Core;
using Lab.Orchestrator.Core.Boards;

namespace Lab.Orchestrator.Boards;

/// <summary>
/// A board console captured into a file of the run for the whole board run: from a command's output (a serial
/// reader such as picocom or microcom, a telnet to ser2net), from a file something else writes (followed from
/// where it ended when the capture started), or from a stream (an FVP terminal over telnet).
/// </summary>
internal sealed class ConsoleCapture : IBoardConsole, IAsyncDisposable
{
    private readonly FileStream _file;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task _pump = Task.CompletedTask;
    private Process? _process;
    private IDisposable? _owner;

    private ConsoleCapture(string logPath)
    {
        LogPath = logPath;
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        _file = new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    }

    /// <inheritdoc />
    public string LogPath { get; }

    /// <inheritdoc />
    public long Length
    {
        get
        {
            lock (_gate)
            {
                return _file.Length;
            }
        }
    }

    /// <summary>Captures the standard output and error of <paramref name="argv"/> (no shell), started now.</summary>
    public static ConsoleCapture FromCommand(IReadOnlyList<string> argv, string logPath)
    {
        ArgumentNullException.ThrowIfNull(argv);
        var capture = new ConsoleCapture(logPath);
        // setsid: its own process group, so a Ctrl-C in the terminal reaches only the orchestrator.
        var psi = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in argv)
        {
            psi.ArgumentList.Add(a);
        }

        try
        {
            capture._process = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            capture._file.Dispose();
            throw new BoardPowerException($"the console command {argv[0]} cannot run: {e.Message}", e);
        }

        var stdout = capture.PumpAsync(capture._process.StandardOutput.BaseStream, capture._stop.Token);
        var stderr = capture.PumpAsync(capture._process.StandardError.BaseStream, capture._stop.Token);
        capture._pump = Task.WhenAll(stdout, stderr);
        return capture;
    }

    /// <summary>Follows <paramref name="source"/> from its current end.</summary>
    public static ConsoleCapture FromFile(string source, string logPath)
    {
        var capture = new ConsoleCapture(logPath);
        capture._pump = capture.FollowAsync(source, capture._stop.Token);
        return capture;
    }

    /// <summary>Copies <paramref name="stream"/> until it ends (through <paramref name="filter"/>, e.g. telnet commands out).</summary>
    public static ConsoleCapture FromStream(
        Stream stream, string logPath, Func<ReadOnlyMemory<byte>, ReadOnlyMemory<byte>>? filter = null, IDisposable? owner = null)
    {
        var capture = new ConsoleCapture(logPath) { _owner = owner };
        capture._pump = capture.PumpAsync(stream, capture._stop.Token, filter);
        return capture;
    }

    /// <inheritdoc />
    public string Tail(int lines)
    {
        lock (_gate)
        {
            _file.Flush();
        }

        return Text.TailOfFile(LogPath, lines);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _owner?.Dispose(); // a socket read does not always wake for the token
        if (_process is { } p)
        {
            try
            {
                if (!p.HasExited)
                {
                    p.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Gone already.
            }
        }

        try
        {
            await _pump.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or TimeoutException or ObjectDisposedException)
        {
            // The source is gone; what was captured is in the file.
        }

        _process?.Dispose();
        _owner?.Dispose();
        lock (_gate)
        {
            _file.Dispose();
        }

        _stop.Dispose();
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            _file.Write(bytes);
            _file.Flush();
        }
    }

    private async Task PumpAsync(Stream source, CancellationToken ct, Func<ReadOnlyMemory<byte>, ReadOnlyMemory<byte>>? filter = null)
    {
        var buffer = new byte[4096];
        int n;
        while ((n = await source.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            var chunk = new ReadOnlyMemory<byte>(buffer, 0, n);
            Write((filter is null ? chunk : filter(chunk)).Span);
        }
    }

    private async Task FollowAsync(string source, CancellationToken ct)
    {
        var offset = File.Exists(source) ? new FileInfo(source).Length : 0;
        var buffer = new byte[4096];
        while (!ct.IsCancellationRequested)
        {
            if (File.Exists(source))
            {
                using var stream = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                if (stream.Length < offset)
                {
                    offset = 0; // rotated or truncated: start again at its beginning
                }

                stream.Seek(offset, SeekOrigin.Begin);
                int n;
                while ((n = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                {
                    Write(buffer.AsSpan(0, n));
                    offset += n;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct).ConfigureAwait(false);
        }
    }
}
