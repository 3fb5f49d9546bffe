using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Lab.Orchestrator.Ssh;
using Lab.Orchestrator.Tests.Run;
using Lab.Orchestrator.Tests.Support;

namespace Lab.Orchestrator.Tests.Cli;

/// <summary><c>lab boot</c>: a board to poke at by hand, up with its modules loaded, reachable as printed, off at Ctrl-C.</summary>
[Category("Qemu")]
[NonParallelizable]
public sealed partial class LabBootQemuTests
{
    [Test]
    public async Task Lab_boot_brings_the_board_up_with_the_modules_prints_how_to_reach_it_and_powers_it_off_at_ctrl_c()
    {
        Prerequisites.RequireQemuBoardHost();
        var dir = Directory.CreateTempSubdirectory("lab-boot-").FullName;
        var lab = RepoFiles.LabJson();
        var path = Path.Combine(dir, "lab.json");
        await File.WriteAllTextAsync(path, lab.ToJsonString());
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(TestContext.CurrentContext.TestDirectory, "lab.dll"), "boot", "qemu-arm64", path })
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["LAB_ROOT"] = RepoFiles.Path(".");
        using var p = Process.Start(info)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var printed = new List<string>();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        while (await p.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            printed.Add(line);
            if (line.Contains("Ctrl-C powers the board off", StringComparison.Ordinal))
            {
                break;
            }
        }

        var ssh = printed.Select(l => SshLine().Match(l)).FirstOrDefault(m => m.Success);
        if (ssh is null || p.HasExited)
        {
            // Only now: reading what lab boot said ends it.
            Assert.Fail("lab boot did not keep a reachable board up: " + string.Join('\n', printed) + await StderrSoFar(p, stderr));
        }

        var image = await SharedQemuBoard.ImageAsync(CancellationToken.None);
        string modules;
        await using (var board = await BoardSsh.ConnectAsync(
            new BoardSshOptions("127.0.0.1", int.Parse(ssh!.Groups[2].Value, CultureInfo.InvariantCulture), ssh.Groups[1].Value, image.HostKeySha256), TimeProvider.System, limit.Token))
        {
            modules = (await board.RunAsync("cat /proc/modules; ls /run/vfiolab", TimeSpan.FromSeconds(30), limit.Token)).Stdout;
        }

        using (var kill = Process.Start("kill", ["-INT", p.Id.ToString(CultureInfo.InvariantCulture)])!)
        {
            await kill.WaitForExitAsync(limit.Token);
        }

        await p.WaitForExitAsync(limit.Token);
        var qemuLeft = ProcessProbe.Qemus(dir).Count > 0;
        Assert.Multiple(() =>
        {
            Assert.That(modules, Does.Contain("vfio_platform").And.Contain("vfio_pci").And.Contain("bind-device.sh"), "modules loaded, bind script installed");
            Assert.That(p.ExitCode, Is.Zero);
            Assert.That(qemuLeft, Is.False, "Ctrl-C powered the board off");
        });
        Directory.Delete(dir, recursive: true);
    }

    private static async Task<string> StderrSoFar(Process p, Task<string> stderr)
    {
        if (!p.HasExited)
        {
            p.Kill(entireProcessTree: true);
        }

        return "\n" + await stderr;
    }

    [GeneratedRegex(@"ssh:\s+ssh -i (\S+) -p (\d+) root@127\.0\.0\.1")]
    private static partial Regex SshLine();
}
