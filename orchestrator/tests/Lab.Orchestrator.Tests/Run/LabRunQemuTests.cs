using Lab.Orchestrator.Boards.Qemu;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Run;
using Lab.Orchestrator.Tests.Support;
using Lab.Results;

namespace Lab.Orchestrator.Tests.Run;

/// <summary>The whole pipeline on the default lab: real builds, a real QEMU board, the real agent, a temp store.</summary>
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
        var request = new RunRequest("qemu-arm64", "vfio.common.container.*", RunTrigger.Manual);
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
        });
    }
}
