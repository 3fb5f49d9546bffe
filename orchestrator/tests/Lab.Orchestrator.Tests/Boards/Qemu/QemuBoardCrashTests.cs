using System.Diagnostics;
using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Boards.Qemu;
using Lab.Orchestrator.Tests.Support;

namespace Lab.Orchestrator.Tests.Boards.Qemu;

/// <summary>A board of its own that dies: QEMU exiting is a classified result, never a hang.</summary>
[Category("Qemu")]
[NonParallelizable]
public sealed class QemuBoardCrashTests
{
    [Test]
    public async Task Killing_qemu_mid_command_is_a_connection_lost_failure_not_a_hang()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var image = await SharedQemuBoard.ImageAsync(cts.Token);
        var board = await QemuBoard.StartAsync(
            QemuBoardOptions.FromImage(image, Directory.CreateTempSubdirectory("vfiolab-crash-").FullName), TimeProvider.System, cts.Token);
        var pid = board.ProcessId;
        await using (board)
        {
            var running = board.Ssh.RunAsync("echo started; sleep 300", TimeSpan.FromSeconds(120), cts.Token);
            await Task.Delay(TimeSpan.FromSeconds(1), cts.Token);
            var clock = Stopwatch.StartNew();
            board.Kill();

            var e = Assert.ThrowsAsync<BoardConnectionLostException>(async () => await running);

            Assert.That(e!.TimedOut, Is.False, e.Message);
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "the loss was noticed, not waited out");

            // The SSH loss can be seen a moment before the watchdog that held QEMU's group has exited.
            for (var i = 0; i < 50 && !board.HasExited; i++)
            {
                await Task.Delay(100, cts.Token);
            }

            Assert.That(board.HasExited, Is.True, "QEMU and its watchdog exited within 5 s of the kill");
        }

        // A killed QEMU may still be tearing down its guest memory (state D) a moment after its watchdog has gone.
        for (var i = 0; i < 50 && ProcessProbe.IsRunning(pid); i++)
        {
            await Task.Delay(100, cts.Token);
        }

        Assert.That(ProcessProbe.IsRunning(pid), Is.False, $"QEMU pid {pid} still runs 5 s after the kill");
    }

    [Test]
    public async Task A_qmp_reset_reboots_the_board_and_ssh_comes_back()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var image = await SharedQemuBoard.ImageAsync(cts.Token);
        var board = await QemuBoard.StartAsync(
            QemuBoardOptions.FromImage(image, Directory.CreateTempSubdirectory("vfiolab-reset-").FullName), TimeProvider.System, cts.Token);
        await using (board)
        {
            await board.Ssh.RunCheckedAsync("echo before-reset > /run/marker", TimeSpan.FromSeconds(30), cts.Token);

            await board.ResetAsync(cts.Token);

            var marker = await board.Ssh.RunAsync("cat /run/marker", TimeSpan.FromSeconds(30), cts.Token);
            Assert.That(marker.ExitStatus, Is.Not.Zero, "the RAM disk of the previous boot is gone");
            Assert.That(board.HasExited, Is.False);
        }
    }

    [Test]
    public async Task Disposing_a_board_leaves_no_qemu_behind()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var image = await SharedQemuBoard.ImageAsync(cts.Token);
        int pid;
        var board = await QemuBoard.StartAsync(
            QemuBoardOptions.FromImage(image, Directory.CreateTempSubdirectory("vfiolab-dispose-").FullName), TimeProvider.System, cts.Token);
        await using (board)
        {
            pid = board.ProcessId;
        }

        Assert.That(ProcessProbe.IsRunning(pid), Is.False, $"QEMU pid {pid} still runs");
    }
}
