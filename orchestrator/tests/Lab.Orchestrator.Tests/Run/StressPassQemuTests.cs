using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Run;
using Lab.Orchestrator.Tests.Support;
using Lab.Results;

namespace Lab.Orchestrator.Tests.Run;

/// <summary>
/// The parts of a run that only exist on a real board: the virtio-blk backing file checked on the host after the
/// board stops, and the stress cases of every device running at the same time.
/// </summary>
[Category("Qemu")]
[NonParallelizable]
public sealed class StressPassQemuTests
{
    private const int StressSeconds = 3;
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("lab-stress-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task The_backing_file_holds_what_the_board_wrote_and_the_stress_cases_of_all_devices_overlap()
    {
        Prerequisites.RequireQemuBoardHost();
        var lab = LabConfigLoader.Load(RepoFiles.Path("lab.json"));
        var request = new RunRequest("qemu-arm64", $"{BackingDiskCheck.BoardCase},vfio.*.{CaseSelection.StressArea}.*", RunTrigger.Manual)
        {
            StressSeconds = StressSeconds,
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
            Assert.That(byId[$"{BackingDiskCheck.BoardCase}@virtio-rng"].Status, Is.EqualTo(TestStatus.Skip), "virtio-rng is not a block device");
            Assert.That(byId.ContainsKey($"{BackingDiskCheck.HostCase}@virtio-rng"), Is.False, "only devices with a disk get the host check");

            // Every driver on the board has a stress case, and each ran for the time asked with work done.
            Assert.That(stress.Select(r => r.TestId.Split('@')[1]).Distinct().Count(), Is.GreaterThanOrEqualTo(3), string.Join(", ", results.Select(r => r.TestId)));
            foreach (var r in stress)
            {
                var m = r.Measurements!.ToDictionary(x => x.Name, x => x.Value);
                Assert.That(m["stress.seconds"], Is.GreaterThanOrEqualTo(StressSeconds), r.TestId);
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
