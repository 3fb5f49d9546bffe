using Lab.Orchestrator.Core.Bench;
using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Tests.Bench;

public sealed class BenchFiguresTests
{
    private static readonly BenchStat Loopback = new("irq-loopback@pl031", "irq-loopback median", "us", false, "loopback");
    private static readonly BenchStat Rate = new("map-unmap@edu", "map-unmap ops", "ops/s", true, "churn");
    private static readonly BenchItem LoopbackItem = new("irq-loopback@pl031", ["c"], ["agent"], [Loopback]);
    private static readonly BenchItem RateItem = new("map-unmap@edu", ["c"], ["agent"], [Rate]);

    [Test]
    public void Each_side_gives_its_median_over_the_rounds_with_min_and_max_and_the_ratio_of_the_medians()
    {
        var f = new BenchFigures();
        foreach (var (c, agent) in new[] { (60.0, 75.0), (80.0, 70.0), (70.0, 90.0) })
        {
            f.Add(LoopbackItem, BenchSide.Reference, $"irq-loopback median {c} us\nirq-loopback p99 400 us\nspawn maxrss 600 kB\n");
            f.Add(LoopbackItem, BenchSide.Agent, $"KTAP noise\nirq-loopback median {agent} us\n");
        }

        var row = f.Rows.Single();

        Assert.Multiple(() =>
        {
            Assert.That((row.Reference!.Median, row.Reference.Min, row.Reference.Max, row.Reference.Count), Is.EqualTo((70.0, 60.0, 80.0, 3)));
            Assert.That((row.Agent!.Median, row.Agent.Min, row.Agent.Max), Is.EqualTo((75.0, 70.0, 90.0)));
            Assert.That(row.Ratio, Is.EqualTo(75.0 / 70.0).Within(1e-9));
            Assert.That(row.BestRatio, Is.EqualTo(70.0 / 60.0).Within(1e-9), "of the lowest times");
            Assert.That(row.Problems, Is.Empty);
            Assert.That(f.Table(), Does.Contain("irq-loopback@pl031").And.Contain("70.0 [60.0-80.0]").And.Contain("75.0 [70.0-90.0]").And.Contain("1.07"));
        });
    }

    [Test]
    public void A_side_that_failed_or_printed_no_figure_is_named_and_its_row_stored_as_an_error()
    {
        var f = new BenchFigures();
        f.Add(RateItem, BenchSide.Reference, "map-unmap ops 6000 ops/s\n");
        f.Fail(RateItem, BenchSide.Agent, "map-unmap@edu: exit status 1: lab-agent: bench map-unmap: EINVAL");
        f.Add(LoopbackItem, BenchSide.Reference, "irq-loopback median 65 us\n");
        f.Add(LoopbackItem, BenchSide.Agent, "irq-loopback median nan us\n");

        var results = f.Results("run1", "qemu-arm64", DateTimeOffset.UnixEpoch).ToDictionary(r => r.TestId);

        Assert.Multiple(() =>
        {
            Assert.That(results["lab.bench.map-unmap@edu"].Status, Is.EqualTo(TestStatus.Error));
            Assert.That(results["lab.bench.map-unmap@edu"].Reason, Does.Contain("agent: map-unmap@edu: exit status 1"));
            Assert.That(results["lab.bench.map-unmap@edu"].Measurements!.Select(m => m.Name), Is.EqualTo(new[] { "c.median", "c.min", "c.max" }));
            Assert.That(results["lab.bench.irq-loopback@pl031"].Status, Is.EqualTo(TestStatus.Error), "NaN is no figure");
            Assert.That(results["lab.bench.irq-loopback@pl031"].Reason, Does.Contain("Agent: no 'irq-loopback median' line"));
            Assert.That(f.Table(), Does.Contain("(higher is better)"));
        });
    }

    [Test]
    public void A_complete_row_is_stored_as_a_pass_with_both_sides_and_the_ratio()
    {
        var f = new BenchFigures();
        f.Add(RateItem, BenchSide.Reference, "map-unmap ops 6000 ops/s\n");
        f.Add(RateItem, BenchSide.Agent, "map-unmap ops 5400 ops/s\n");

        var r = f.Results("run1", "qemu-arm64", DateTimeOffset.UnixEpoch).Single();

        Assert.Multiple(() =>
        {
            Assert.That(r.Status, Is.EqualTo(TestStatus.Pass));
            Assert.That(r.Measurements!.ToDictionary(m => m.Name, m => m.Value)["agent_over_c"], Is.EqualTo(0.9));
            Assert.That(r.Measurements!.ToDictionary(m => m.Name, m => m.Value)["agent_over_c_best"], Is.EqualTo(0.9), "a rate's best is its highest");
            Assert.That(r.Measurements!.Single(m => m.Name == "agent.median").Unit, Is.EqualTo("ops/s"));
        });
    }

    [Test]
    public void The_loops_follow_the_devices_drivers_and_features()
    {
        DeviceConfig Dev(string name, VfioDriver driver, IommuMode iommu, params string[] features) =>
            new() { Name = name, Match = new DeviceMatch { VirtioDeviceId = 4 }, Driver = driver, Iommu = iommu, Features = features };
        var bound = new List<(DeviceConfig, DeviceBinding)>
        {
            (Dev("rng", VfioDriver.VfioPlatform, IommuMode.NoIommu, "edge-irq"), new DeviceBinding("s", "platform", "a.virtio", "vfio-platform", "virtio-mmio", "0", "/dev/vfio/noiommu-0")),
            (Dev("pl031", VfioDriver.VfioAmba, IommuMode.NoIommu, "level-irq"), new DeviceBinding("s", "amba", "9010000.pl031", "vfio-amba", "rtc-pl031", "1", "/dev/vfio/noiommu-1")),
            (Dev("edu", VfioDriver.VfioPci, IommuMode.Type1, "edu", "msi"), new DeviceBinding("s", "pci", "0000:00:01.0", "vfio-pci", string.Empty, "2", "/dev/vfio/2")),
        };

        var items = BenchItem.For(bound, 1000, "/run/vfiolab/lab-agent");

        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i.Name), Is.EqualTo(new[]
            {
                "irq-loopback@rng", "irq-loopback@pl031", "irq-unmask@pl031", "irq-loopback@edu", "edu-msi@edu", "map-unmap@edu", "edu-dma@edu", "syscall", "start@rng", "start-floor",
            }));
            Assert.That(items.SelectMany(i => i.Stats).Select(s => s.Row), Does.Contain("peak-rss@rng"));
            var edu = items.Single(i => i.Name == "map-unmap@edu");
            Assert.That(edu.Reference, Is.EqualTo(new[]
            {
                BenchItem.RemoteReference, "spawn", "--", BenchItem.RemoteReference, "--metric", "map-unmap", "--group", "/dev/vfio/2", "--device", "0000:00:01.0",
                "--iommu", "type1", "--iterations", "1000", "--warmup", "50",
            }));
            Assert.That(edu.Agent.Skip(3).Take(3), Is.EqualTo(new[] { "/run/vfiolab/lab-agent", "bench", "--metric" }), "the agent runs the same loop with the same arguments");
            Assert.That(edu.Agent.Skip(5), Is.EqualTo(edu.Reference.Skip(4)));
            Assert.That(items.Single(i => i.Name == "start-floor").Reference, Is.EqualTo(new[] { BenchItem.RemoteReference, "spawn", "--", BenchItem.RemoteHello }));
        });
    }
}
