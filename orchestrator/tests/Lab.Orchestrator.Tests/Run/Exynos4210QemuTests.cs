using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Run;
using Lab.Orchestrator.Tests.Support;
using Lab.Results;

namespace Lab.Orchestrator.Tests.Run;

/// <summary>
/// The shipped armv7 board end to end: Debian's armmp kernel on QEMU smdkc210 with the lab's device tree, our armv7
/// VFIO modules, the net48 agent under the image's Mono, and the PL330 cases on its three controllers (PDMA0, PDMA1,
/// MDMA), stress pass included.
/// </summary>
[Category("Qemu")]
[NonParallelizable]
public sealed class Exynos4210QemuTests
{
    private static readonly string[] Pl330Cases =
    [
        "vfio.amba.pl330.identify", "vfio.amba.pl330.memcpy", "vfio.amba.pl330.fault", "vfio.amba.pl330.masking", "vfio.amba.stress.pl330_copy",
    ];

    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("lab-exynos-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task The_pl330_cases_pass_on_all_three_controllers_of_the_armv7_board_under_mono()
    {
        Prerequisites.RequireQemuBoardHost();
        Prerequisites.RequireOnPath("qemu-system-arm", "qemu");
        Prerequisites.RequireOnPath("dtc", "qemu");
        Prerequisites.RequireOnPath("arm-linux-gnueabihf-gcc", "cross");
        var lab = LabConfigLoader.Load(RepoFiles.Path("lab.json"));
        var request = new RunRequest("exynos4210", "vfio.amba.*", RunTrigger.Manual) { StressSeconds = 2 };
        var boards = LabRun.SelectBoards(lab.Config!, request, out _)!;
        using var store = new LiteDbResultStore(Path.Combine(_dir, "results.db"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));

        var outcome = await new LabRun(lab, store, new RunProgress(TestContext.Progress), TimeProvider.System).ExecuteAsync(request, boards, cts.Token);

        var results = store.GetResults(outcome.Run.Id);
        var board = store.GetBoardRuns(outcome.Run.Id).Single();
        double Figure(string test, string name) => results.Single(r => r.TestId == test).Measurements!.Single(m => m.Name == name).Value;
        foreach (var device in new[] { "pdma0", "pdma1", "mdma" })
        {
            await TestContext.Progress.WriteLineAsync(
                $"{device}: 1 MiB copy {Figure($"vfio.amba.pl330.memcpy@{device}", "pl330.copy_mb_per_s")} MB/s; stress {Figure($"vfio.amba.stress.pl330_copy@{device}", "stress.ops")} copies, " +
                $"{Figure($"vfio.amba.stress.pl330_copy@{device}", "stress.irqs")} IRQs");
        }

        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => r.Status != TestStatus.Pass).Select(r => $"{r.TestId} {r.Status} {r.Reason}"), Is.Empty, "every vfio.amba case passes");
            foreach (var device in new[] { "pdma0", "pdma1", "mdma" })
            {
                Assert.That(results.Select(r => r.TestId), Is.SupersetOf(Pl330Cases.Select(c => c + "@" + device)), $"the PL330 cases ran on {device}");
                Assert.That(Figure($"vfio.amba.stress.pl330_copy@{device}", "stress.irqs_lost"), Is.Zero);
                Assert.That(Figure($"vfio.amba.stress.pl330_copy@{device}", "stress.ops"), Is.Positive);
            }

            Assert.That(Figure("vfio.amba.pl330.identify@mdma", "pl330.data_width"), Is.EqualTo(64), "MDMA is the 64-bit controller");
            Assert.That(Figure("vfio.amba.pl330.identify@pdma0", "pl330.data_width"), Is.EqualTo(32));
            Assert.That(results.Select(r => r.TestId), Has.None.StartWith("vfio.amba.region.primecell_id"), "the PL031 id case is not planned on a PL330");
            Assert.That(board.Kernel, Does.EndWith("-armmp"));
            Assert.That(board.Health, Is.EqualTo("ok"));
            Assert.That(outcome.Run.Status, Is.EqualTo(TestStatus.Pass));
        });
    }
}
