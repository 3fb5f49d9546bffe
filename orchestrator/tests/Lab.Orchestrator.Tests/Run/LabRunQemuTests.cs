using System.Globalization;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Boards.Qemu;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Run;
using Lab.Orchestrator.Tests.Support;
using Lab.Results;

namespace Lab.Orchestrator.Tests.Run;

/// <summary>
/// The whole pipeline on the default lab: real builds, a real QEMU board, the real agent, a temp store; with the parts
/// that exist only on a real board (the virtio-blk backing file checked after the board stops, the stress pass).
/// </summary>
[Category("Qemu")]
[NonParallelizable]
public sealed class LabRunQemuTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("lab-run-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task A_run_of_the_container_cases_stores_a_pass_per_case_and_device_with_the_build_and_console()
    {
        Prerequisites.RequireQemuBoardHost();
        var lab = LabConfigLoader.Load(RepoFiles.Path("lab.json"));
        var request = new RunRequest(
            "qemu-arm64", "vfio.common.container.api_version,vfio.common.container.extensions", RunTrigger.Manual);
        var boards = LabRun.SelectBoards(lab.Config!, request, out _)!;
        using var store = new LiteDbResultStore(Path.Combine(_dir, "results.db"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));

        var outcome = await new LabRun(lab, store, new RunProgress(TestContext.Progress), TimeProvider.System)
            .ExecuteAsync(request, boards, cts.Token);

        var run = store.GetRun(outcome.Run.Id)!;
        var results = store.GetResults(run.Id);
        var board = store.GetBoardRuns(run.Id).Single();
        var devices = lab.Config!.Boards.Single(b => b.Id == "qemu-arm64").Devices.Count;
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => $"{r.TestId} {r.Status} {r.Reason}"), Has.All.Contains(" Pass"), "every result");
            Assert.That(results.Select(r => r.TestId.Split('@')[0]).Distinct(), Is.EquivalentTo(new[]
            {
                "vfio.common.container.api_version", "vfio.common.container.extensions",
            }));
            Assert.That(results.Select(r => r.TestId), Is.Unique, "a case's id names the device it ran on");
            Assert.That(results, Has.Count.EqualTo(2 * devices), "each case once per device");
            Assert.That(results.Select(r => r.BoardId), Has.All.EqualTo("qemu-arm64"));
            Assert.That(run.State, Is.EqualTo(RunState.Completed));
            Assert.That(run.Status, Is.EqualTo(TestStatus.Pass));
            Assert.That(run.Build.KernelVersion, Does.StartWith("6.1."));
            Assert.That(run.Build.ModuleBuildHash, Has.Length.EqualTo(64));
            Assert.That(run.Build.AgentBuildHash, Has.Length.EqualTo(64));
            Assert.That(run.BuildLogId, Is.Not.Null);
            Assert.That(board.Health, Is.EqualTo("ok"));
            Assert.That(board.EndedAt, Is.Not.Null);
            Assert.That(board.Counts.Pass, Is.EqualTo(2 * devices));
            Assert.That(store.ReadLog(board.ConsoleLogId!), Does.Contain(QemuBoardOptions.ReadyMarker));
            Assert.That(store.GetLeases(), Is.Empty, "the board's lease is given back");
        });
    }

    [Test]
    public async Task A_board_another_run_holds_is_not_touched_and_says_who_holds_it()
    {
        var lab = LabConfigLoader.Load(RepoFiles.Path("lab.json"));
        var request = new RunRequest("qemu-arm64", "vfio.common.container.api_version", RunTrigger.Manual);
        using var store = new LiteDbResultStore(Path.Combine(_dir, "results.db"));
        store.TryAcquireLease("qemu-arm64", "lab run 20990101-000000-beef (pid 1 on elsewhere, alice)", null, TimeSpan.FromMinutes(5));

        var outcome = await new LabRun(lab, store, new RunProgress(TestContext.Progress), TimeProvider.System)
            .ExecuteAsync(request, LabRun.SelectBoards(lab.Config!, request, out _)!, CancellationToken.None);

        var result = store.GetResults(outcome.Run.Id).Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.TestId, Is.EqualTo("lab.board.lease"));
            Assert.That(result.Status, Is.EqualTo(TestStatus.Miss));
            Assert.That(result.Reason, Does.Contain("alice").And.Contain("20990101-000000-beef"));
            Assert.That(outcome.Boards.Single().Health, Is.EqualTo("in use"));
            Assert.That(store.GetLeases().Single().Holder, Does.Contain("alice"), "the other run keeps its lease");
            Assert.That(Directory.Exists(RepoFiles.Path(Path.Combine(".lab", "runs", outcome.Run.Id, "qemu-arm64"))), Is.False, "the board was not touched");
        });
    }

    [Test]
    public async Task A_qemu_board_whose_pinned_host_key_does_not_match_is_refused_and_not_retried()
    {
        Prerequisites.RequireQemuBoardHost();
        var path = Path.Combine(_dir, "lab.json");
        var json = RepoFiles.LabJson();
        var wrong = "SHA256:" + new string('A', 43);
        json["boards"]![0]!["ssh"]!["hostKey"] = wrong;
        await File.WriteAllTextAsync(path, json.ToJsonString());
        var lab = LabConfigLoader.Load(path);
        var request = new RunRequest("qemu-arm64", "vfio.common.container.api_version", RunTrigger.Manual);
        using var store = new LiteDbResultStore(Path.Combine(_dir, "results.db"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));

        var outcome = await new LabRun(lab, store, new RunProgress(TestContext.Progress), TimeProvider.System)
            .ExecuteAsync(request, LabRun.SelectBoards(lab.Config!, request, out _)!, cts.Token);

        var result = store.GetResults(outcome.Run.Id).Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.TestId, Is.EqualTo("lab.board.boot"));
            Assert.That(result.Status, Is.EqualTo(TestStatus.Miss));
            Assert.That(result.Reason, Does.Contain("host key").IgnoreCase.And.Contain(wrong["SHA256:".Length..]));
            Assert.That(outcome.Boards.Single().Attempts, Is.EqualTo(1), "a wrong host key is refused, never retried into acceptance");
        });
    }

    [Test]
    public async Task A_board_killed_mid_run_is_started_again_keeps_the_results_so_far_and_runs_the_next_devices()
    {
        Prerequisites.RequireQemuBoardHost();
        var lab = LabConfigLoader.Load(RepoFiles.Path("lab.json"));
        var request = new RunRequest("qemu-arm64", "vfio.*", RunTrigger.Manual);
        var boards = LabRun.SelectBoards(lab.Config!, request, out _)!;
        using var store = new LiteDbResultStore(Path.Combine(_dir, "results.db"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var running = new LabRun(lab, store, new RunProgress(TestContext.Progress), TimeProvider.System).ExecuteAsync(request, boards, cts.Token);

        // Wait for the first result of this run, then kill its QEMU.
        RunRecord? run = null;
        IReadOnlyList<TestResultRecord> before = [];
        while (before.Count == 0)
        {
            Assert.That(running.IsCompleted, Is.False, "the run ended before any result arrived: nothing to interrupt");
            await Task.Delay(TimeSpan.FromMilliseconds(25), cts.Token);
            run ??= store.ListRuns(new RunQuery()).SingleOrDefault();
            before = run is null ? [] : store.GetResults(run.Id);
        }

        var pidFile = RepoFiles.Path(Path.Combine(".lab", "runs", run!.Id, "qemu-arm64", "qemu.pid"));
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        using (var qemu = System.Diagnostics.Process.GetProcessById(pid))
        {
            qemu.Kill();
        }

        var outcome = await running;

        var after = store.GetResults(run.Id);
        var finished = store.GetRun(run.Id)!;
        var board = store.GetBoardRuns(run.Id).Single();
        foreach (var r in after.Where(r => r.Status is TestStatus.Fail or TestStatus.Miss))
        {
            await TestContext.Progress.WriteLineAsync($"{r.Status} {r.TestId}: {r.Reason}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(after.Select(r => r.TestId), Is.SupersetOf(before.Select(r => r.TestId)), "results written before the kill are kept");
            Assert.That(finished.State, Is.EqualTo(RunState.Completed), "the run is finished, not left running");
            Assert.That(finished.Status, Is.GreaterThanOrEqualTo(TestStatus.Miss),
                "a run whose board died must not pass (MISS/ERROR, or FAIL when a case also failed: KCIDB priority)");
            Assert.That(after.Any(r => r.Status is TestStatus.Miss or TestStatus.Error), Is.True, "the loss is recorded as a result");
            Assert.That(board.EndedAt, Is.Not.Null);
            Assert.That(ProcessProbe.IsRunning(pid), Is.False);
            Assert.That(outcome.Run.Id, Is.EqualTo(run.Id));

            // The board is started again; the cases that had not started (the devices run at once) run after it.
            Assert.That(board.Health, Is.EqualTo("ok after 1 recovery"));
            Assert.That(finished.Note, Does.Contain("QEMU exited"), "the run's note names the recovery and its cause");
            var edu = after.Where(r => r.TestId.EndsWith("@edu", StringComparison.Ordinal)).ToList();
            Assert.That(edu.Count(r => r.Status == TestStatus.Pass), Is.GreaterThan(5), "edu's cases ran, on the restarted board");
            Assert.That(edu.Where(r => r.Status != TestStatus.Pass).Select(r => r.Reason).ToList(), Has.Count.LessThanOrEqualTo(1).And.All.Contain("QEMU exited"),
                "at most edu's case in flight when the board died is ended by it");
            Assert.That(after.Select(r => r.TestId), Is.Unique, "no case recorded twice");
        });
    }

    [Test]
    public async Task The_backing_file_holds_what_the_board_wrote_and_the_stress_cases_of_all_devices_overlap()
    {
        Prerequisites.RequireQemuBoardHost();
        const int stressSeconds = 3;
        var lab = LabConfigLoader.Load(RepoFiles.Path("lab.json"));
        var request = new RunRequest("qemu-arm64", $"{BackingDiskCheck.BoardCase},vfio.*.{CaseSelection.StressArea}.*", RunTrigger.Manual)
        {
            StressSeconds = stressSeconds,
        };
        var boards = LabRun.SelectBoards(lab.Config!, request, out _)!;
        using var store = new LiteDbResultStore(Path.Combine(_dir, "results.db"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));

        var outcome = await new LabRun(lab, store, new RunProgress(TestContext.Progress), TimeProvider.System).ExecuteAsync(request, boards, cts.Token);

        var results = store.GetResults(outcome.Run.Id);
        var byId = results.ToDictionary(r => r.TestId);
        var stress = results.Where(r => r.TestId.Contains($".{CaseSelection.StressArea}.", StringComparison.Ordinal) && r.Status == TestStatus.Pass).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => r.Status is not (TestStatus.Pass or TestStatus.Skip)).Select(r => $"{r.TestId} {r.Status} {r.Reason}"), Is.Empty);
            Assert.That(byId[$"{BackingDiskCheck.BoardCase}@virtio-blk"].Status, Is.EqualTo(TestStatus.Pass));
            Assert.That(byId[$"{BackingDiskCheck.HostCase}@virtio-blk"].Status, Is.EqualTo(TestStatus.Pass), byId[$"{BackingDiskCheck.HostCase}@virtio-blk"].Reason);
            Assert.That(byId.ContainsKey($"{BackingDiskCheck.BoardCase}@virtio-rng"), Is.False, "virtio-rng is not a block device: the case is not planned there");
            Assert.That(byId.ContainsKey($"{BackingDiskCheck.HostCase}@virtio-rng"), Is.False, "only devices with a disk get the host check");

            // Every driver on the board has a stress case, and each ran for the time asked with work done.
            Assert.That(stress.Select(r => r.TestId.Split('@')[1]).Distinct().Count(), Is.GreaterThanOrEqualTo(3), string.Join(", ", results.Select(r => r.TestId)));
            foreach (var r in stress)
            {
                var m = r.Measurements!.ToDictionary(x => x.Name, x => x.Value);
                Assert.That(m["stress.seconds"], Is.GreaterThanOrEqualTo(stressSeconds), r.TestId);
                Assert.That(m["stress.ops"], Is.GreaterThan(0), r.TestId);
                Assert.That(m["stress.errors"], Is.Zero, r.TestId);
            }

            // At the same time: each device's first stress case started before any of the others ended.
            var first = stress.GroupBy(r => r.TestId.Split('@')[1]).Select(g => g.MinBy(r => r.RecordedAt)!).ToList();
            var latestStart = first.Max(r => r.RecordedAt - r.Duration);
            var earliestEnd = first.Min(r => r.RecordedAt);
            Assert.That(latestStart, Is.LessThan(earliestEnd), "the stress cases of the devices ran one after another, not together");
        });
    }
}
