using System.Diagnostics;
using Lab.Orchestrator.Boards;
using Lab.Orchestrator.Core.Boards;

namespace Lab.Orchestrator.Tests.Boards;

/// <summary>The host side of the board kinds with real processes: power commands, console capture, the emulator watchdog.</summary>
public sealed class HostSideTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("host-side-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task A_power_command_that_fails_throws_with_its_status_and_output_and_the_log_keeps_it()
    {
        var log = Path.Combine(_dir, "power.log");

        var e = Assert.ThrowsAsync<BoardPowerException>(() =>
            HostCommand.RunAsync("power on", ["sh", "-c", "echo relay: port 3 busy >&2; exit 4", "$0 is not a shell here"], log, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Message, Does.Contain("power on").And.Contain("exit status 4").And.Contain("relay: port 3 busy"));
            Assert.That(File.ReadAllText(log), Does.Contain("# power on").And.Contain("relay: port 3 busy"));
        });
        await Task.CompletedTask;
    }

    [Test]
    public void A_power_command_that_hangs_is_killed_at_its_timeout()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var e = Assert.ThrowsAsync<BoardPowerException>(() => HostCommand.RunAsync("power off", ["sleep", "30"], Path.Combine(_dir, "p.log"), cts.Token));

        Assert.That(e!.Message, Does.Contain("no end within its time"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void A_power_command_is_an_argv_list_not_a_shell_line()
    {
        var marker = Path.Combine(_dir, "pwned");

        Assert.DoesNotThrowAsync(() => HostCommand.RunAsync("power on", ["echo", $"; touch {marker}"], Path.Combine(_dir, "p.log"), CancellationToken.None));

        Assert.That(File.Exists(marker), Is.False);
    }

    [Test]
    public async Task The_console_of_a_command_is_captured_into_the_run()
    {
        var log = Path.Combine(_dir, "console.log");
        var capture = ConsoleCapture.FromCommand(["sh", "-c", "echo 'U-Boot 2024.01'; echo 'Starting kernel ...'; sleep 30"], log);
        await using (capture)
        {
            await WaitForAsync(() => capture.Length >= 35);

            Assert.That(capture.Tail(1), Is.EqualTo("Starting kernel ..."));
        }

        Assert.That(File.ReadAllText(log), Is.EqualTo("U-Boot 2024.01\nStarting kernel ...\n"));
    }

    [Test]
    public async Task A_console_file_is_followed_from_where_it_ended_when_the_capture_started()
    {
        var source = Path.Combine(_dir, "ttyUSB0.log");
        await File.WriteAllTextAsync(source, "the boot before this run\n");
        var capture = ConsoleCapture.FromFile(source, Path.Combine(_dir, "console.log"));
        await using (capture)
        {
            await Task.Delay(300);
            await File.AppendAllTextAsync(source, "Linux version 6.1.0\n");
            await WaitForAsync(() => capture.Length > 0);

            Assert.That(capture.Tail(5), Is.EqualTo("Linux version 6.1.0"));
        }
    }

    [Test]
    public async Task Stopping_an_emulator_kills_what_it_started_too()
    {
        var pidFile = Path.Combine(_dir, "grandchild.pid");
        var watched = WatchedProcess.Start(["sh", "-c", $"sleep 300 & echo $! > {pidFile}; wait"], _ => { });
        await WaitForAsync(() => File.Exists(pidFile) && File.ReadAllText(pidFile).Trim().Length > 0);
        var grandchild = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);

        await watched.DisposeAsync();

        await WaitForAsync(() => !Alive(grandchild));
        Assert.That(Alive(grandchild), Is.False, "the model's own children die with it (process group)");
    }

    private static bool Alive(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }
}
