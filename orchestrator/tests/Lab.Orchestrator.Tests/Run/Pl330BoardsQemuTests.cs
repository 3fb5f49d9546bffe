using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Run;
using Lab.Orchestrator.Tests.Support;
using Lab.Results;

namespace Lab.Orchestrator.Tests.Run;

/// <summary>
/// The shipped armv7 boards end to end: Debian's armmp kernel with the lab's device tree, our armv7 VFIO modules, the
/// net48 agent under the image's Mono, and the vfio.amba cases (PL330 cases, stress pass included) on every PL330:
/// smdkc210's three controllers (PDMA0, PDMA1, MDMA; one IRQ index each) and the Zynq's one (nine IRQ indexes, its
/// console and NIC drivers built from the kernel source).
/// </summary>
[Category("Qemu")]
[NonParallelizable]
public sealed class Pl330BoardsQemuTests
{
    private static readonly string[] Pl330Cases =
    [
        "vfio.amba.pl330.identify", "vfio.amba.pl330.memcpy", "vfio.amba.pl330.fault", "vfio.amba.pl330.masking", "vfio.amba.stress.pl330_copy",
    ];

    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("lab-pl330-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task The_pl330_cases_pass_on_all_three_controllers_of_the_exynos4210_board_under_mono()
    {
        var (outcome, results, board) = await RunAsync("exynos4210", ["pdma0", "pdma1", "mdma"]);

        Assert.Multiple(() =>
        {
            AssertEveryPl330CasePassed(outcome, results, board, ["pdma0", "pdma1", "mdma"]);
            Assert.That(Figure(results, "vfio.amba.pl330.identify@mdma", "pl330.data_width"), Is.EqualTo(64), "MDMA is the 64-bit controller");
            Assert.That(Figure(results, "vfio.amba.pl330.identify@pdma0", "pl330.data_width"), Is.EqualTo(32));
            Assert.That(results.Select(r => r.TestId), Has.None.StartWith("vfio.amba.irq.per_index"), "one IRQ index per controller");
        });
    }

    [Test]
    public async Task The_pl330_cases_and_the_per_index_irq_case_pass_on_the_zynq_board_under_mono()
    {
        var (outcome, results, board) = await RunAsync("zynq", ["dmac"]);

        Assert.Multiple(() =>
        {
            AssertEveryPl330CasePassed(outcome, results, board, ["dmac"]);
            Assert.That(results.Select(r => r.TestId), Does.Contain("vfio.amba.irq.per_index@dmac"), "nine IRQ indexes: routing and per-index masking");
            Assert.That(results.Single(r => r.TestId == "vfio.amba.device.flags@dmac").Status, Is.EqualTo(TestStatus.Pass), "num_irqs matches the device tree's nine interrupts");
            Assert.That(Figure(results, "vfio.amba.pl330.identify@dmac", "pl330.data_width"), Is.EqualTo(64));
            Assert.That(Figure(results, "vfio.amba.pl330.identify@dmac", "pl330.events"), Is.EqualTo(16));
        });
    }

    private static double Figure(IReadOnlyList<TestResultRecord> results, string test, string name) =>
        results.Single(r => r.TestId == test).Measurements!.Single(m => m.Name == name).Value;

    private static void AssertEveryPl330CasePassed(RunOutcome outcome, IReadOnlyList<TestResultRecord> results, BoardRunRecord board, string[] devices)
    {
        Assert.That(results.Where(r => r.Status != TestStatus.Pass).Select(r => $"{r.TestId} {r.Status} {r.Reason}"), Is.Empty, "every vfio.amba case passes");
        foreach (var device in devices)
        {
            Assert.That(results.Select(r => r.TestId), Is.SupersetOf(Pl330Cases.Select(c => c + "@" + device)), $"the PL330 cases ran on {device}");
            Assert.That(Figure(results, $"vfio.amba.stress.pl330_copy@{device}", "stress.irqs_lost"), Is.Zero);
            Assert.That(Figure(results, $"vfio.amba.stress.pl330_copy@{device}", "stress.ops"), Is.Positive);
        }

        Assert.That(results.Select(r => r.TestId), Has.None.StartWith("vfio.amba.region.primecell_id"), "the PL031 id case is not planned on a PL330");
        Assert.That(board.Kernel, Does.EndWith("-armmp"));
        Assert.That(board.Health, Is.EqualTo("ok"));
        Assert.That(outcome.Run.Status, Is.EqualTo(TestStatus.Pass));
    }

    private async Task<(RunOutcome Outcome, IReadOnlyList<TestResultRecord> Results, BoardRunRecord Board)> RunAsync(string boardId, string[] devices)
    {
        Prerequisites.RequireQemuBoardHost();
        Prerequisites.RequireOnPath("qemu-system-arm", "qemu");
        Prerequisites.RequireOnPath("dtc", "qemu");
        Prerequisites.RequireOnPath("arm-linux-gnueabihf-gcc", "cross");
        var lab = LabConfigLoader.Load(RepoFiles.Path("lab.json"));
        var request = new RunRequest(boardId, "vfio.amba.*", RunTrigger.Manual) { StressSeconds = 2 };
        var boards = LabRun.SelectBoards(lab.Config!, request, out _)!;
        using var store = new LiteDbResultStore(Path.Combine(_dir, "results.db"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));

        var outcome = await new LabRun(lab, store, new RunProgress(TestContext.Progress), TimeProvider.System).ExecuteAsync(request, boards, cts.Token);

        var results = store.GetResults(outcome.Run.Id);
        foreach (var device in devices)
        {
            await TestContext.Progress.WriteLineAsync(
                $"{boardId}/{device}: 1 MiB copy {Figure(results, $"vfio.amba.pl330.memcpy@{device}", "pl330.copy_mb_per_s")} MB/s; " +
                $"stress {Figure(results, $"vfio.amba.stress.pl330_copy@{device}", "stress.ops")} copies, {Figure(results, $"vfio.amba.stress.pl330_copy@{device}", "stress.irqs")} IRQs");
        }

        return (outcome, results, store.GetBoardRuns(outcome.Run.Id).Single());
    }
}
