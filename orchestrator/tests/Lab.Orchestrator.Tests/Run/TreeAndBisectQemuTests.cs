using Lab.Orchestrator.Core.Bisect;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Kernel;
using Lab.Orchestrator.Tests.Support;
using Lab.Results;

namespace Lab.Orchestrator.Tests.Run;

/// <summary>
/// A developer's own tree and <c>lab bisect</c>, end to end: a real git tree of drivers/vfio made from Debian's
/// linux-source-6.1 (<see cref="LinuxGitTree"/>), real module builds from it, the real QEMU board and agent.
/// </summary>
[Category("Qemu")]
[NonParallelizable]
public sealed class TreeAndBisectQemuTests
{
    private const string Case = "vfio.common.device.unknown_ioctl";
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("lab-tree-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task A_tree_is_built_as_checked_out_cached_by_its_state_and_lab_run_tree_runs_it_naming_the_commit()
    {
        Prerequisites.RequireQemuBoardHost();
        var tree = await LinuxGitTree.CreateAsync(Path.Combine(_dir, "linux"));
        var head = await tree.CommitOfAsync("HEAD");
        tree.Comment("vfio_main.c", "work in progress " + Guid.NewGuid());
        var kernel = await new DebianKernel(new ScriptRunner(TimeProvider.System), SharedQemuBoard.LogDirectory).FetchAsync("arm64", CancellationToken.None);
        var build = new ModuleBuild(new ScriptRunner(TimeProvider.System), Path.Combine(_dir, "logs"));
        Task<ModuleBuildResult> Build(string? revision = null) =>
            build.BuildAsync(new ModuleBuildRequest(kernel.EnvPath, tree.Path, "none", Revision: revision), CancellationToken.None);

        var first = await Build();
        var again = await Build();
        tree.Comment("vfio_main.c", "one more change");
        var changed = await Build();
        var committed = await Build(head);
        var pristine = await Build(head + "~1");

        Assert.Multiple(() =>
        {
            Assert.That(again.OutputDirectory, Is.EqualTo(first.OutputDirectory), "the same state is the same cached build");
            Assert.That(again.Duration, Is.LessThan(first.Duration), "a cached build compiles nothing");
            Assert.That(changed.OutputDirectory, Is.Not.EqualTo(first.OutputDirectory), "an uncommitted change is a new build");
            Assert.That(committed.OutputDirectory, Is.Not.EqualTo(first.OutputDirectory).And.Not.EqualTo(changed.OutputDirectory), "a commit's own sources, not the checkout");
            Assert.That(File.ReadAllText(Path.Combine(pristine.OutputDirectory, "manifest.json")), Does.Contain("git:" + tree.Path + ":"));
            Assert.That(pristine.Modules.Single(m => m.Name == "vfio-platform").Sha256,
                Is.Not.EqualTo(committed.Modules.Single(m => m.Name == "vfio-platform").Sha256), "the probe fix is in one commit and not the other");
        });

        // lab run --tree: the board runs the tree's modules; the run names the tree, its commit and the uncommitted change.
        var lab = RepoFiles.WriteLabJson(_dir);
        await using var run = LabProcess.Start("run", "--board", "qemu-arm64", "--cases", Case, "--tree", tree.Path, lab);
        var code = await run.ExitCodeAsync(TimeSpan.FromMinutes(15));

        using var store = new LiteDbResultStore(Path.Combine(_dir, "results.db"), readOnly: true);
        var stored = store.ListRuns(new RunQuery()).Single();
        var results = store.GetResults(stored.Id);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, run.Output);
            Assert.That(stored.Build.KernelSource, Is.EqualTo(
                $"tree {tree.Path} at {head[..12]} vfio/platform: probe without a reset handler when none is required (as upstream v6.3) + uncommitted changes in drivers/vfio"));
            Assert.That(stored.Build.ModuleBuildHash, Has.Length.EqualTo(64));
            Assert.That(store.ReadLog(stored.BuildLogId!), Does.Contain("M=").And.Contain("modules"), "the tree's build log is kept with the run");
            Assert.That(results.Select(r => $"{r.TestId} {r.Status}"), Is.EquivalentTo(new[]
            {
                $"{Case}@virtio-rng Pass", $"{Case}@pl031 Pass", $"{Case}@edu Pass", $"{Case}@virtio-blk Pass",
            }));
        });
    }

    [Test]
    public async Task Lab_bisect_names_the_commit_that_made_vfio_platform_answer_a_wrong_errno()
    {
        Prerequisites.RequireQemuBoardHost();
        var tree = await LinuxGitTree.CreateAsync(Path.Combine(_dir, "linux"));
        var good = await tree.CommitOfAsync("HEAD");
        var commits = new List<string>();
        async Task Commit(Action change, string subject)
        {
            change();
            commits.Add(await tree.CommitAllAsync(subject));
        }

        await Commit(() => tree.Comment("vfio_main.c", "the container keeps its IOMMU drivers in a list"), "vfio: say where the container's IOMMU drivers live");
        await Commit(() => tree.Comment("platform/vfio_platform_common.c", "regions are read once, at open"), "vfio/platform: note when regions are read");
        await Commit(() => tree.Comment("platform/vfio_amba.c", "the AMBA id comes from the PrimeCell registers"), "vfio/amba: note where the device id comes from");
        await Commit(() => tree.Edit("platform/vfio_platform_common.c", "return -ENOTTY;", "return -EINVAL;"), "vfio/platform: refuse unknown ioctls as invalid");
        var regression = commits[^1];
        await Commit(() => tree.Comment("platform/vfio_platform_irq.c", "automasked level IRQs stay masked until UNMASK"), "vfio/platform: note how level IRQs are masked");
        await Commit(() => tree.Comment("pci/vfio_pci_core.c", "BARs are mapped on first use"), "vfio/pci: note when BARs are mapped");
        await Commit(() => tree.Comment("vfio_iommu_type1.c", "pinned pages are accounted per mm"), "vfio/type1: note how pinned pages are counted");
        await Commit(() => tree.Comment("container.c", "a container holds the groups that share an IOMMU context"), "vfio: note what a container holds");

        var lab = RepoFiles.WriteLabJson(_dir);
        await using var bisect = LabProcess.Start("bisect", "--tree", tree.Path, "--good", good, "--bad", "HEAD", "--case", Case, "--board", "qemu-arm64", lab);
        var code = await bisect.ExitCodeAsync(TimeSpan.FromMinutes(30));

        var output = bisect.Output;
        using var store = new LiteDbResultStore(Path.Combine(_dir, "results.db"), readOnly: true);
        var found = store.ListBisections().Single();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output);
            Assert.That(output, Does.Contain($"first bad commit: {regression} vfio/platform: refuse unknown ioctls as invalid"));
            Assert.That(found.FirstBad, Is.EqualTo(regression));
            Assert.That(found.Candidates, Is.EqualTo(8));
            Assert.That(found.Steps, Has.Count.EqualTo(3), "8 commits take 3 steps");
            Assert.That(found.EndedAt, Is.Not.Null);
            foreach (var step in found.Steps)
            {
                var expected = commits.IndexOf(step.Commit) >= commits.IndexOf(regression) ? BisectVerdict.Bad : BisectVerdict.Good;
                Assert.That(step.Verdict, Is.EqualTo(expected), $"{step.Commit[..12]} {step.Subject}: {step.Reason}");
                var run = store.GetRun(step.RunId);
                Assert.That(run?.Build.KernelSource, Does.Contain($" at {step.Commit[..12]} {step.Subject}"), "each step is a run naming its commit");
                Assert.That(store.GetResults(step.RunId).Count(r => r.TestId.StartsWith(Case + "@", StringComparison.Ordinal)), Is.EqualTo(4), "the case ran on every device");
            }

            var bad = found.Steps.FirstOrDefault(s => s.Verdict == BisectVerdict.Bad);
            Assert.That(bad?.Reason, Does.Contain("EINVAL"), "a bad step says how the case failed");
        });
    }
}
