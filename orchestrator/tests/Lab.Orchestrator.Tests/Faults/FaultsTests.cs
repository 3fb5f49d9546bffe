using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Run;
using Lab.Orchestrator.Ssh;
using Lab.Orchestrator.Tests.Run;
using Lab.Orchestrator.Tests.Support;
using Lab.Results;

namespace Lab.Orchestrator.Tests.Faults;

/// <summary>
/// Faults injected into a real run of the default lab (a real QEMU board, the real agent, a real store), as a flaky
/// lab and a hostile kernel would: each must end the case it hit within 20 s, under that case's own id, with the
/// status that says whose fault it was; no planned (case, device) pair may be left without a result, and no
/// process may be left behind. The figures are printed as a table at the end.
/// </summary>
[Category("Faults")]
[NonParallelizable]
public sealed partial class FaultsTests
{
    private static readonly TimeSpan _goal = TimeSpan.FromSeconds(20);
    private static readonly List<string> _table = [];
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("lab-faults-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [OneTimeTearDown]
    public static void PrintTable()
    {
        TestContext.Progress.WriteLine("fault                | status | named case                                   | time to end | lost | left behind");
        foreach (var row in _table)
        {
            TestContext.Progress.WriteLine(row);
        }
    }

    [Test]
    public Task A_kernel_panic_fails_the_running_case_and_the_board_is_reset() =>
        RunWithFaultAsync("kernel panic (sysrq c)", TestStatus.Fail, "kernel panic",
            f => f.OnBoardAsync("sh -c 'sleep 0.3; echo c > /proc/sysrq-trigger' >/dev/null 2>&1 &"));

    [Test]
    public Task A_frozen_board_ends_the_running_case_as_an_error() =>
        RunWithFaultAsync("frozen board (SIGSTOP QEMU)", TestStatus.Error, "QMP",
            f => Signal(f.QemuPid, "STOP"));

    [Test]
    public Task A_killed_agent_ends_its_case_as_an_error() =>
        RunWithFaultAsync("agent killed (SIGKILL)", TestStatus.Error, "agent killed by signal KILL",
            f => f.OnBoardAsync("killall -KILL lab-agent"));

    [Test]
    public Task A_killed_qemu_ends_the_running_case_and_the_board_is_started_again() =>
        RunWithFaultAsync("QEMU killed (SIGKILL)", TestStatus.Error, "QEMU exited",
            f => Signal(f.QemuPid, "KILL"));

    [Test]
    public Task A_killed_ssh_server_ends_the_running_case_and_the_board_is_reset() =>
        RunWithFaultAsync("dropbear killed", TestStatus.Error, "lost",
            f => f.OnBoardAsync("sh -c 'sleep 0.3; killall -KILL dropbear' >/dev/null 2>&1 &"));

    private async Task RunWithFaultAsync(string fault, TestStatus expected, string cause, Func<Fault, Task> inject)
    {
        Prerequisites.RequireQemuBoardHost();
        var image = await SharedQemuBoard.ImageAsync(CancellationToken.None);
        var progress = new LineCapture(TestContext.Progress);
        using var store = new LiteDbResultStore(Path.Combine(_dir, "results.db"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var (running, run, boards) = await StartUntilPl031Async(store, progress, cts.Token);

        var before = store.GetResults(run.Id).Select(r => r.TestId).ToList();
        var pidFile = RepoFiles.Path(Path.Combine(".lab", "runs", run.Id, "qemu-arm64", "qemu.pid"));
        var firstQemu = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        var port = progress.SshPort();
        var struck = DateTimeOffset.UtcNow;
        await inject(new Fault(firstQemu, port, image.LabKeyPath, image.HostKeySha256));
        var outcome = await running;

        var results = store.GetResults(run.Id);

        // The first pass runs the devices at once: the fault ends the case in flight on each device (each named, each
        // with the fault's status and cause); the cases that had not started run after it, one device at a time.
        // (A SKIP is no case the fault ended: the host-side backing-file check skips when the virtio-blk case it follows was struck.)
        var struckCases = results.Where(r => r.RecordedAt >= struck && r.Status is not (TestStatus.Pass or TestStatus.Skip) && !r.TestId.StartsWith("lab.", StringComparison.Ordinal))
            .ToList();
        var hit = struckCases.Where(r => r.TestId.EndsWith("@pl031", StringComparison.Ordinal)).OrderBy(r => r.RecordedAt).FirstOrDefault();
        var board = boards.Single();
        var planner = new CatalogPlanner();
        var planned = board.Devices.SelectMany(d => { var p = planner.Plan(board, d, ["vfio.*"]); return p.Cases.Concat(p.StressCases).Select(c => $"{c}@{d.Name}"); }).ToList();
        var lost = planned.Count(id => results.All(r => r.TestId != id));
        var twice = results.GroupBy(r => r.TestId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var leftBehind = ProcessProbe.Qemus(run.Id).Count + (ProcessProbe.IsRunning(firstQemu) ? 1 : 0);
        var took = hit is null ? TimeSpan.MaxValue : hit.RecordedAt - struck;
        _table.Add($"{fault,-20} | {hit?.Status.ToKcidb() ?? "-",-6} | {hit?.TestId ?? "(none)",-44} | {took.TotalSeconds,8:0.0} s  | {lost,4} | {leftBehind}");
        foreach (var r in results.Where(r => r.Status is not TestStatus.Pass))
        {
            await TestContext.Progress.WriteLineAsync($"{r.Status} {r.TestId}: {r.Reason}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(hit, Is.Not.Null, "the PL031 case the fault hit is recorded");
            Assert.That(hit!.TestId, Does.Match(@"^vfio\.[a-z_]+\.[a-z_]+\.[a-z0-9_]+@pl031$"), "under its own case id");
            Assert.That(hit.Status, Is.EqualTo(expected));
            Assert.That(hit.Reason, Does.Contain(cause));
            Assert.That(took, Is.LessThan(_goal), "the fault ends the case within seconds, not at the case timeout");
            Assert.That(struckCases.Where(r => !r.TestId.Contains(".stress.", StringComparison.Ordinal)).GroupBy(r => r.TestId.Split('@')[1]).Select(g => g.Count()),
                Has.All.EqualTo(1), "at most one case per device (the one in flight) is ended by the fault");
            Assert.That(struckCases.Where(r => !r.TestId.Contains(".stress.", StringComparison.Ordinal)).Select(r => r.Reason), Has.All.Contain(cause));
            Assert.That(results.Select(r => r.TestId), Is.SupersetOf(before), "results recorded before the fault are kept");
            Assert.That(lost, Is.Zero, "every planned (case, device) pair has a result");
            Assert.That(twice, Is.Empty, "no case recorded twice");
            Assert.That(results.Where(r => r.TestId.EndsWith("@edu", StringComparison.Ordinal) && !r.TestId.Contains(".stress.", StringComparison.Ordinal) && !struckCases.Contains(r))
                .Select(r => r.Status), Has.All.EqualTo(TestStatus.Pass), "the board came back and the edu cases not in flight ran");
            Assert.That(outcome.Boards.Single().Recoveries, cause.StartsWith("agent", StringComparison.Ordinal) ? Is.Empty : Has.Count.EqualTo(1),
                "the board is reset unless only the agent died");
            Assert.That(outcome.Run.Status, Is.Not.EqualTo(TestStatus.Pass));
            Assert.That(leftBehind, Is.Zero, "no QEMU is left behind");
        });
    }

    [Test]
    public async Task A_store_on_a_full_disk_stops_the_run_with_exit_3_naming_the_store_and_loses_nothing_acknowledged()
    {
        Prerequisites.RequireQemuBoardHost();
        var disk = Path.Combine(_dir, "disk");
        Directory.CreateDirectory(disk);
        await RunToolAsync("mount", ["-t", "tmpfs", "-o", "size=" + FullDiskKiB + "k", "tmpfs", disk],
            "mounting a small tmpfs for the full-disk fault needs root (test.sh runs as root in CI)");
        try
        {
            var store = Path.Combine(disk, "results.db");
            var json = RepoFiles.LabJson();
            json["store"] = store;
            var lab = Path.Combine(_dir, "lab.json");
            await File.WriteAllTextAsync(lab, json.ToJsonString());
            var clock = Stopwatch.StartNew();

            var (code, _, stderr) = await LabAsync(["run", "--board", "qemu-arm64", "--stress-seconds", "1", lab]);

            var took = clock.Elapsed;
            var printed = stderr.Split('\n').Select(l => PassLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
            using var reader = new LiteDbResultStore(store, readOnly: true);
            var run = reader.ListRuns(new RunQuery()).Single();
            var stored = reader.GetResults(run.Id).Select(r => r.TestId).ToHashSet(StringComparer.Ordinal);
            var lost = printed.Count(id => !stored.Contains(id));
            var (resultsCode, _, resultsErr) = await LabAsync(["results", "--run", run.Id, lab]);
            var qemu = ProcessProbe.Qemus(run.Id);
            _table.Add($"{"store disk full",-20} | exit {code} | {printed.Count} printed, {stored.Count} stored{string.Empty,-20} | {took.TotalSeconds,8:0.0} s  | {lost,4} | {qemu.Count}");
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(3), stderr);
                Assert.That(stderr, Does.Contain($"lab: results store {store}: cannot").And.Contain("no space left on device"));
                Assert.That(stderr, Does.Not.Contain("   at "), "no stack trace");
                Assert.That(printed, Is.Not.Empty, "the disk filled during the cases (make the tmpfs larger if not)");
                Assert.That(lost, Is.Zero, "every result printed as recorded is in the store");
                Assert.That(resultsCode, Is.Zero, "the store is readable while the disk is still full: " + resultsErr);
                Assert.That(qemu, Is.Empty, "the board was stopped");
            });
        }
        finally
        {
            await RunToolAsync("umount", ["-l", disk], "umount");
        }
    }

    [Test]
    public async Task Ctrl_c_in_the_terminal_reaches_only_the_orchestrator_and_the_run_is_recorded_cancelled()
    {
        Prerequisites.RequireQemuBoardHost();
        var json = RepoFiles.LabJson();
        var lab = Path.Combine(_dir, "lab.json");
        await File.WriteAllTextAsync(lab, json.ToJsonString());

        // setsid: the lab is the leader of its own process group, as a shell's foreground job is; Ctrl-C signals the group.
        var info = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "dotnet", Path.Combine(TestContext.CurrentContext.TestDirectory, "lab.dll"), "run", lab })
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["LAB_ROOT"] = RepoFiles.Path(".");
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var errLines = new List<string>();
        var stderr = Task.Run(async () =>
        {
            while (await p.StandardError.ReadLineAsync() is { } line)
            {
                lock (errLines)
                {
                    errLines.Add(line);
                }
            }
        });
        while (true)
        {
            lock (errLines)
            {
                if (errLines.Any(l => l.Contains("@pl031", StringComparison.Ordinal)))
                {
                    break;
                }
            }

            Assert.That(p.HasExited, Is.False, "the run ended before the PL031 cases");
            await Task.Delay(20);
        }

        var struck = Stopwatch.StartNew();
        await Signal(-p.Id, "INT"); // the whole foreground group, as the terminal does
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(limit.Token);
        var took = struck.Elapsed;
        await stderr;
        using var reader = new LiteDbResultStore(Path.Combine(_dir, ".lab", "results.db"), readOnly: true);
        var run = reader.ListRuns(new RunQuery()).Single();
        var board = reader.GetBoardRuns(run.Id).Single();
        var qemu = ProcessProbe.Qemus(run.Id);
        _table.Add($"{"Ctrl-C",-20} | exit {p.ExitCode} | {board.Health,-44} | {took.TotalSeconds,8:0.0} s  | {0,4} | {qemu.Count}");
        Assert.Multiple(() =>
        {
            Assert.That(p.ExitCode, Is.EqualTo(3));
            Assert.That(board.Health, Is.EqualTo("cancelled"), "not \"board died (QEMU exited)\": QEMU never saw the Ctrl-C");
            Assert.That(run.Note, Does.Contain("cancelled by the user"));
            Assert.That(run.Status, Is.Not.EqualTo(TestStatus.Pass), "a run that did not finish never passes");
            Assert.That(reader.GetResults(run.Id).Single(r => r.TestId.StartsWith("lab.board.", StringComparison.Ordinal)).Reason, Does.Contain("cancelled"));
            Assert.That(took, Is.LessThan(_goal));
            Assert.That(qemu, Is.Empty, "QEMU was stopped by the orchestrator");
        });
    }

    /// <summary>Starts a run of the default board and returns once the PL031's cases (the second device) record results: a board with results behind it and ahead.</summary>
    private static async Task<(Task<RunOutcome> Running, RunRecord Run, IReadOnlyList<BoardConfig> Boards)> StartUntilPl031Async(
        LiteDbResultStore store, LineCapture progress, CancellationToken ct, int stressSeconds = 2)
    {
        var lab = LabConfigLoader.Load(RepoFiles.Path("lab.json"));
        var request = new RunRequest("qemu-arm64", null, RunTrigger.Manual) { StressSeconds = stressSeconds };
        var boards = LabRun.SelectBoards(lab.Config!, request, out _)!;
        var running = new LabRun(lab, store, new RunProgress(progress), TimeProvider.System).ExecuteAsync(request, boards, ct);
        RunRecord? run = null;
        while (run is null || !store.GetResults(run.Id).Any(r => r.TestId.EndsWith("@pl031", StringComparison.Ordinal)))
        {
            Assert.That(running.IsCompleted, Is.False, "the run ended before the PL031 cases started");
            await Task.Delay(20, ct);
            run ??= store.ListRuns(new RunQuery()).SingleOrDefault();
        }

        return (running, run, boards);
    }

    /// <summary>Small enough that a run fills it during its cases, large enough for the build record before them.</summary>
    private const int FullDiskKiB = 500;

    [GeneratedRegex(@"^\[qemu-arm64\] PASS (\S+) \(")]
    private static partial Regex PassLine();

    private static async Task RunToolAsync(string tool, string[] args, string why)
    {
        using var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true })!;
        var err = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.That(p.ExitCode, Is.Zero, $"{tool} {string.Join(' ', args)}: {err} ({why})");
    }

    private static async Task<(int Code, string Out, string Err)> LabAsync(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "lab.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["LAB_ROOT"] = RepoFiles.Path(".");
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await p.WaitForExitAsync(limit.Token);
        return (p.ExitCode, await stdout, await stderr);
    }

    /// <summary>kill(1); a negative pid signals that process group.</summary>
    private static async Task Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, "--", pid.ToString(CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    /// <summary>Where the fault is injected: the first QEMU of the run and its SSH.</summary>
    private sealed record Fault(int QemuPid, int SshPort, string LabKey, string HostKey)
    {
        public async Task OnBoardAsync(string command)
        {
            await using var ssh = await BoardSsh.ConnectAsync(new BoardSshOptions("127.0.0.1", SshPort, LabKey, HostKey), TimeProvider.System, CancellationToken.None);
            try
            {
                await ssh.RunAsync(command, TimeSpan.FromSeconds(5), CancellationToken.None);
            }
            catch (Lab.Orchestrator.Core.Boards.BoardConnectionLostException)
            {
                // The fault may take this session down with the board.
            }
        }
    }

    /// <summary>Progress lines, kept to find the board's SSH port, and passed on.</summary>
    private sealed partial class LineCapture(TextWriter inner) : TextWriter
    {
        private readonly List<string> _lines = [];

        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void WriteLine(string? value)
        {
            lock (_lines)
            {
                _lines.Add(value ?? string.Empty);
            }

            inner.WriteLine(value);
        }

        public int SshPort()
        {
            lock (_lines)
            {
                return _lines.Select(l => UpLine().Match(l)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Last();
            }
        }

        [GeneratedRegex(@"\] up in .*root@127\.0\.0\.1:(\d+)\)")]
        private static partial Regex UpLine();
    }
}
