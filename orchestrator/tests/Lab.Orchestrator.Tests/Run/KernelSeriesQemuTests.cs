using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Tests.Support;
using Lab.Results;
using Lab.TestCases.Model;

namespace Lab.Orchestrator.Tests.Run;

/// <summary>
/// The other Debian kernel series of the shipped lab.json on the default board (6.12 from bookworm-security, and the
/// newest kernel, the unstable suite's): their packages fetched from the host's mirror, drivers/vfio of their own
/// linux-source built (no vfio_virqfd module: from 6.2 it is inside vfio; for the newest with host tools built from
/// its source), the board booted on each and the whole catalog run; every difference from 6.1 is data.
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

    [TestCase("debian-6.12-arm64", "6.12.", "+deb12-arm64")]
    [TestCase("debian-newest-arm64", "", "-arm64")]
    public async Task The_catalog_passes_on_another_debian_series_with_lab_run_kernel(string kernel, string releasePrefix, string releaseEnd)
    {
        Prerequisites.RequireQemuBoardHost();
        var lab = RepoFiles.WriteLabJson(_dir);

        await using var run = LabProcess.Start("run", "--board", "qemu-arm64", "--kernel", kernel, "--stress-seconds", "2", lab);
        var code = await run.ExitCodeAsync(TimeSpan.FromMinutes(25));

        await using var list = LabProcess.Start("results", lab);
        var listed = await list.ExitCodeAsync(TimeSpan.FromMinutes(1));
        using var store = new LiteDbResultStore(Path.Combine(_dir, "results.db"), readOnly: true);
        var stored = store.ListRuns(new RunQuery()).Single();
        var results = store.GetResults(stored.Id);
        var log = store.ReadLog(stored.BuildLogId!) ?? string.Empty;
        var release = store.GetBoardRuns(stored.Id).Single().Kernel ?? string.Empty;
        var version = KernelVersion.Parse(release);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, run.Output);
            Assert.That(release, Does.StartWith(releasePrefix).And.EndWith(releaseEnd));
            Assert.That(version, Is.Not.Null.And.GreaterThanOrEqualTo(new Version(6, 12)), $"{release}: a later series than 6.1");
            Assert.That(stored.Build.KernelVersion, Does.StartWith(release));
            Assert.That(stored.Build.KernelSource, Does.StartWith($"debian linux-source {version!.Major}.{version.Minor}."));
            Assert.That(listed, Is.Zero, list.Output);
            Assert.That(list.Output.Split('\n').FirstOrDefault(l => l.StartsWith(stored.Id, StringComparison.Ordinal)), Does.Contain($" {release} "),
                "lab results names each run's kernel");
            Assert.That(log, Does.Contain($"linux-headers-{release}"), "built against that kernel's headers");
            Assert.That(run.Output, Does.Contain("8 modules"), "vfio, type1, pci-core, pci, platform-base, platform, amba and our reset handlers: virqfd is inside vfio");
            Assert.That(results.Where(r => r.Status != TestStatus.Pass).Select(r => $"{r.TestId} {r.Status} {r.Reason}"), Is.Empty, $"every case passes on {release}");
            Assert.That(results, Has.Count.GreaterThan(150), "the whole catalog on every device");
        });
    }

    [Test]
    public async Task A_board_with_three_kernels_runs_on_each_under_its_own_board_run_and_the_kernels_differ_as_the_data_says()
    {
        Prerequisites.RequireQemuBoardHost();
        var lab = RepoFiles.WriteLabJson(_dir, everyKernel: true);
        const string Info = "vfio.common.device.info";
        const string NotContainer = "vfio.common.group.set_container_not_container";

        await using var run = LabProcess.Start("run", "--board", "qemu-arm64", "--cases", $"{Info},{NotContainer}", lab);
        var code = await run.ExitCodeAsync(TimeSpan.FromMinutes(25));
        await using var list = LabProcess.Start("results", lab);
        await list.ExitCodeAsync(TimeSpan.FromMinutes(1));

        using var store = new LiteDbResultStore(Path.Combine(_dir, "results.db"), readOnly: true);
        var stored = store.ListRuns(new RunQuery()).Single();
        var boards = store.GetBoardRuns(stored.Id).ToDictionary(b => b.BoardId);
        var results = store.GetResults(stored.Id);
        const string Second = "qemu-arm64+debian-6.12-arm64";
        const string Newest = "qemu-arm64+debian-newest-arm64";
        var newestConsole = boards.TryGetValue(Newest, out var newest) && newest.ConsoleLogId is { } id ? store.ReadLog(id) ?? string.Empty : string.Empty;
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, run.Output);
            Assert.That(boards.Keys, Is.EquivalentTo(new[] { "qemu-arm64", Second, Newest }), "one board run per kernel, the board's own kernel under its id");
            Assert.That(boards["qemu-arm64"].Kernel, Does.StartWith("6.1.0-").And.EndWith("-arm64"));
            Assert.That(boards[Second].Kernel, Does.StartWith("6.12.").And.EndWith("+deb12-arm64"));
            Assert.That(KernelVersion.Parse(boards[Newest].Kernel ?? ""), Is.GreaterThan(new Version(6, 12, 999)), boards[Newest].Kernel);
            Assert.That(stored.Build.KernelReleases, Is.EqualTo(new[] { boards["qemu-arm64"].Kernel, boards[Second].Kernel, boards[Newest].Kernel }));
            Assert.That(results.Select(r => $"{r.BoardId} {r.TestId} {r.Status}"), Has.All.EndWith(" Pass"));
            Assert.That(results.Count(r => r.BoardId == Second), Is.EqualTo(results.Count(r => r.BoardId == "qemu-arm64")).And.EqualTo(8));
            Assert.That(results.Count(r => r.BoardId == Newest), Is.EqualTo(8));
            Assert.That(results.Where(r => r.TestId.StartsWith(NotContainer + "@", StringComparison.Ordinal)).Select(r => $"{r.BoardId} {r.ErrnoName}").Distinct(),
                Is.EquivalentTo(new[] { "qemu-arm64 EINVAL", Second + " EBADFD", Newest + " EBADFD" }), "the same case sees each kernel's errno, and all pass");
            Assert.That(newestConsole, Does.Contain("DEPRECATION: vfio-amba is deprecated"),
                "from 6.18 vfio-amba's probe announces its removal: an expected line, and the run still passes");
            Assert.That(list.Output.Split('\n').FirstOrDefault(l => l.StartsWith(stored.Id, StringComparison.Ordinal)),
                Does.Contain($"{boards["qemu-arm64"].Kernel}, {boards[Second].Kernel}, {boards[Newest].Kernel}"), "lab results names every kernel");
        });
    }
}
