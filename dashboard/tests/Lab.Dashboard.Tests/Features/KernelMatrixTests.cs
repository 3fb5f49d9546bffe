using Lab.Dashboard.Data;
using Lab.Dashboard.Features.Compare;
using Lab.Dashboard.Features.Matrix;
using Lab.Orchestrator.Core.Results;
using Lab.Results;

namespace Lab.Dashboard.Tests.Features;

/// <summary>
/// A run of one board on two kernels (two board runs, <c>ID</c> and <c>ID+KERNEL</c>) with per-device results: the
/// run's matrix is case x (board, device, kernel), one row per case id, and a case that only fits one device leaves
/// the other device's cell empty rather than making a row of its own; compare puts the two kernels side by side.
/// </summary>
public sealed class KernelMatrixTests
{
    private const string Second = "qemu-arm64+debian-6.12-arm64";
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("lab-matrix-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void A_run_on_two_kernels_is_one_row_per_case_and_a_column_per_board_device_and_kernel()
    {
        var runId = Seed();
        using var reader = new LiteDbResultStore(Path.Combine(_dir, "results.db"), readOnly: true);
        var m = new MatrixService(new ResultsReader(reader)).ForRun(runId)!;
        var html = MatrixPage.Render(m, [], []);

        Assert.Multiple(() =>
        {
            Assert.That(m.Rows.Select(r => r.TestId), Is.EqualTo(new[] { "lab.board.boot", "vfio.common.group.set_container_not_container", "vfio.pci.dma.edu_offsets" }),
                "one row per case id, the devices are columns");
            Assert.That(m.Columns.Select(c => $"{c.BoardId} {c.Device ?? "-"} {c.Kernel}"), Is.EqualTo(new[]
            {
                "qemu-arm64 - 6.1.0-57-arm64", "qemu-arm64 edu 6.1.0-57-arm64", "qemu-arm64 pl031 6.1.0-57-arm64",
                Second + " - 6.12.117+deb12-arm64", Second + " edu 6.12.117+deb12-arm64", Second + " pl031 6.12.117+deb12-arm64",
            }));
            Assert.That(m.Rows.Single(r => r.TestId == "vfio.pci.dma.edu_offsets").Statuses, Is.EqualTo(new[] { null, "PASS", null, null, "FAIL", null }),
                "an edu-only case leaves the other cells empty; the kernels side by side");
            Assert.That(m.Rows.Single(r => r.TestId == "lab.board.boot").Statuses, Is.EqualTo(new[] { "PASS", null, null, "PASS", null, null }));
            Assert.That(html, Does.Contain("case?test=vfio.pci.dma.edu_offsets%40edu\""), "a cell links the stored CASE@DEVICE");
            Assert.That(html, Does.Contain("data-kernel=\"6.12.117+deb12-arm64\""));
        });
    }

    [Test]
    public void Compare_puts_the_two_kernels_of_one_run_side_by_side_case_by_case()
    {
        var runId = Seed();
        using var reader = new LiteDbResultStore(Path.Combine(_dir, "results.db"), readOnly: true);
        var compare = new CompareService(new ResultsReader(reader));

        var v = compare.Compare(runId, runId, "qemu-arm64", Second)!;
        var html = ComparePage.Render(v, [], new CompareQuery(runId, runId, "qemu-arm64", Second), null);

        Assert.Multiple(() =>
        {
            Assert.That(v.Build.Select(d => $"{d.Field}: {d.A} | {d.B}"), Is.EqualTo(new[]
            {
                $"board: qemu-arm64 | {Second}", "kernel: 6.1.0-57-arm64 | 6.12.117+deb12-arm64",
            }));
            Assert.That(v.Cases.Select(c => $"{c.TestId} {c.StatusA} {c.ErrnoA} | {c.StatusB} {c.ErrnoB}"), Is.EqualTo(new[]
            {
                "vfio.common.group.set_container_not_container@edu PASS EINVAL | PASS EBADFD",
                "vfio.common.group.set_container_not_container@pl031 PASS EINVAL | PASS EBADFD",
                "vfio.pci.dma.edu_offsets@edu PASS  | FAIL ",
            }), "the same case on each kernel, differences only");
            Assert.That(v.Same, Is.EqualTo(1), "lab.board.boot is the same");
            Assert.That(html, Does.Contain("data-testid=\"compare-kernel-b\">6.12.117+deb12-arm64<"));
            Assert.That(compare.Compare(runId, runId, "qemu-arm64", "no-such-board"), Is.Null, "a board run the run does not have");
            Assert.That((compare.Compare(runId, runId)!.Cases.Count, compare.Compare(runId, runId)!.Same), Is.EqualTo((0, 8)),
                "without boards, two runs board by board as before: a run against itself is all the same");
        });
    }

    private string Seed()
    {
        string runId;
        using (var store = new LiteDbResultStore(Path.Combine(_dir, "results.db")))
        {
            var now = DateTimeOffset.UtcNow;
            runId = store.StartRun(RunTrigger.Manual, "dev", ["qemu-arm64", Second], new BuildInfo("h")).Id;
            foreach (var (board, kernel, errno) in new[] { ("qemu-arm64", "6.1.0-57-arm64", "EINVAL"), (Second, "6.12.117+deb12-arm64", "EBADFD") })
            {
                store.UpsertBoardRun(new BoardRunRecord(runId, board, 1, "ok", null, now, null, StatusCounts.Empty, Kernel: kernel));
                store.AddResult(new TestResultRecord(runId, board, "lab.board.boot", TestStatus.Pass, TimeSpan.Zero, now));
                foreach (var device in new[] { "edu", "pl031" })
                {
                    store.AddResult(new TestResultRecord(runId, board, "vfio.common.group.set_container_not_container@" + device, TestStatus.Pass, TimeSpan.Zero, now, ErrnoName: errno));
                }

                store.AddResult(new TestResultRecord(runId, board, "vfio.pci.dma.edu_offsets@edu", board == Second ? TestStatus.Fail : TestStatus.Pass, TimeSpan.Zero, now));
            }
        }

        return runId;
    }
}
