using System.Diagnostics;
using Lab.Orchestrator.Boards;

namespace Lab.Orchestrator.Tests.Boards.Qemu;

/// <summary>The sh watchdog QEMU runs under: its child dies when the orchestrator's stdin pipe closes.</summary>
public sealed class QemuWatchdogTests
{
    [Test]
    public async Task Closing_the_parent_pipe_kills_the_child()
    {
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-c", WatchedProcess.Watchdog, "qemu-watchdog", "/bin/sleep", "300" })
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        await Task.Delay(300);
        Assert.That(process.HasExited, Is.False, "the child runs while the pipe is open");

        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(cts.Token);

        Assert.That(process.ExitCode, Is.EqualTo(128 + 9), "sleep was SIGKILLed by the watchdog");
    }

    [Test]
    public async Task The_child_exit_code_is_passed_through()
    {
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true };
        foreach (var a in new[] { "-c", WatchedProcess.Watchdog, "qemu-watchdog", "/bin/sh", "-c", "exit 7" })
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(cts.Token);

        Assert.That(process.ExitCode, Is.EqualTo(7));
    }
}
