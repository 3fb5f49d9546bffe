using System.Diagnostics;
using Lab.Orchestrator.Tests.Run;

namespace Lab.Orchestrator.Tests.Support;

/// <summary>A <c>lab</c> command as its own process (argv list, LAB_ROOT set), its output lines kept for the test.</summary>
internal sealed class LabProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Task _out;
    private readonly Task _err;

    private LabProcess(Process process)
    {
        _process = process;
        _out = PumpAsync(process.StandardOutput);
        _err = PumpAsync(process.StandardError);
    }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public static LabProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "lab.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["LAB_ROOT"] = RepoFiles.Path(".");
        return new LabProcess(Process.Start(info)!);
    }

    /// <summary>Waits until a line contains <paramref name="text"/>; fails naming the output when the process ends or time runs out first.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            lock (_lines)
            {
                if (_lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
                {
                    return line;
                }
            }

            Assert.That(_process.HasExited, Is.False, $"lab exited before printing '{text}':\n{Output}");
            Assert.That(clock.Elapsed, Is.LessThan(limit), $"no '{text}' within {limit}:\n{Output}");
            await Task.Delay(50);
        }
    }

    public async Task<int> ExitCodeAsync(TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(cts.Token);
        await Task.WhenAll(_out, _err);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as a crash or the OOM killer does it.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
            await term.WaitForExitAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }

            await TestContext.Progress.WriteLineAsync(line);
        }
    }
}
