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
        var json = RepoFiles.LabJson();
        json["store"] = Path.Combine(_dir, "results.db");
        var lab = Path.Combine(_dir, "lab.json");
        await File.WriteAllTextAsync(lab, json.ToJsonString());

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
}
