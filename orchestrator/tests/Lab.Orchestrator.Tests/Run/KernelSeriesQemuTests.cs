using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Tests.Support;
using Lab.Results;

namespace Lab.Orchestrator.Tests.Run;

/// <summary>
/// The second Debian kernel series of the shipped lab.json (6.12 from bookworm-security) on the default board: its
/// packages fetched from the host's mirror, drivers/vfio of its own linux-source built (no vfio_virqfd module: 6.12
/// folds it into vfio), the board booted on it and the whole catalog run; every difference from 6.1 is data.
/// </summary>
[Category("Qemu")]
[NonParallelizable]
public sealed class KernelSeriesQemuTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("lab-kernel-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task The_catalog_passes_on_debian_6_12_with_lab_run_kernel()
    {
        Prerequisites.RequireQemuBoardHost();
        var lab = RepoFiles.WriteLabJson(_dir);

        await using var run = LabProcess.Start("run", "--board", "qemu-arm64", "--kernel", "debian-6.12-arm64", "--stress-seconds", "2", lab);
        var code = await run.ExitCodeAsync(TimeSpan.FromMinutes(25));

        await using var list = LabProcess.Start("results", lab);
        var listed = await list.ExitCodeAsync(TimeSpan.FromMinutes(1));
        using var store = new LiteDbResultStore(Path.Combine(_dir, "results.db"), readOnly: true);
        var stored = store.ListRuns(new RunQuery()).Single();
        var results = store.GetResults(stored.Id);
        var log = store.ReadLog(stored.BuildLogId!) ?? string.Empty;
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, run.Output);
            Assert.That(stored.Build.KernelVersion, Does.StartWith("6.12.").And.Contain("+deb12-arm64"));
            Assert.That(stored.Build.KernelSource, Does.StartWith("debian linux-source 6.12."));
            Assert.That(listed, Is.Zero, list.Output);
            Assert.That(list.Output.Split('\n').FirstOrDefault(l => l.StartsWith(stored.Id, StringComparison.Ordinal)), Does.Contain(" 6.12.").And.Contain("+deb12-arm64 "),
                "lab results names each run's kernel");
            Assert.That(log, Does.Contain("linux-headers-6.12."), "built against 6.12's headers");
            Assert.That(run.Output, Does.Contain("8 modules"), "vfio, type1, pci-core, pci, platform-base, platform, amba and our reset handlers: virqfd is inside vfio");
            Assert.That(results.Where(r => r.Status != TestStatus.Pass).Select(r => $"{r.TestId} {r.Status} {r.Reason}"), Is.Empty, "every case passes on 6.12");
            Assert.That(results, Has.Count.GreaterThan(150), "the whole catalog on every device");
        });
    }

    [Test]
    public async Task A_board_with_two_kernels_runs_on_each_under_its_own_board_run_and_the_kernels_differ_as_the_data_says()
    {
        Prerequisites.RequireQemuBoardHost();
        var lab = RepoFiles.WriteLabJson(_dir, everyKernel: true);
        const string Info = "vfio.common.device.info";
        const string NotContainer = "vfio.common.group.set_container_not_container";

        await using var run = LabProcess.Start("run", "--cases", $"{Info},{NotContainer}", lab);
        var code = await run.ExitCodeAsync(TimeSpan.FromMinutes(25));
        await using var list = LabProcess.Start("results", lab);
        await list.ExitCodeAsync(TimeSpan.FromMinutes(1));

        using var store = new LiteDbResultStore(Path.Combine(_dir, "results.db"), readOnly: true);
        var stored = store.ListRuns(new RunQuery()).Single();
        var boards = store.GetBoardRuns(stored.Id).ToDictionary(b => b.BoardId);
        var results = store.GetResults(stored.Id);
        const string Second = "qemu-arm64+debian-6.12-arm64";
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, run.Output);
            Assert.That(boards.Keys, Is.EquivalentTo(new[] { "qemu-arm64", Second }), "one board run per kernel, the board's own kernel under its id");
            Assert.That(boards["qemu-arm64"].Kernel, Does.StartWith("6.1.0-").And.EndWith("-arm64"));
            Assert.That(boards[Second].Kernel, Does.StartWith("6.12.").And.EndWith("+deb12-arm64"));
            Assert.That(stored.Build.KernelReleases, Is.EqualTo(new[] { boards["qemu-arm64"].Kernel, boards[Second].Kernel }));
            Assert.That(results.Select(r => $"{r.BoardId} {r.TestId} {r.Status}"), Has.All.EndWith(" Pass"));
            Assert.That(results.Count(r => r.BoardId == Second), Is.EqualTo(results.Count(r => r.BoardId == "qemu-arm64")).And.EqualTo(8));
            Assert.That(results.Where(r => r.TestId.StartsWith(NotContainer + "@", StringComparison.Ordinal)).Select(r => $"{r.BoardId} {r.ErrnoName}").Distinct(),
                Is.EquivalentTo(new[] { "qemu-arm64 EINVAL", Second + " EBADFD" }), "the same case sees each kernel's errno, and both pass");
            Assert.That(list.Output.Split('\n').FirstOrDefault(l => l.StartsWith(stored.Id, StringComparison.Ordinal)),
                Does.Contain($"{boards["qemu-arm64"].Kernel}, {boards[Second].Kernel}"), "lab results names both kernels");
        });
    }
}
