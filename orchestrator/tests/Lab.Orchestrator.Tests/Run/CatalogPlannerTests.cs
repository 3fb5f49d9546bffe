using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Run;
using Lab.TestCases;

namespace Lab.Orchestrator.Tests.Run;

public sealed class CatalogPlannerTests
{
    [Test]
    public void The_default_lab_plans_no_case_whose_driver_iommu_or_features_cannot_fit_the_device()
    {
        var lab = LabConfigLoader.Load(RepoFiles.Path("lab.json")).Config!;
        var board = lab.Boards.Single(b => b.Id == "qemu-arm64");
        var planner = new CatalogPlanner();

        var plans = board.Devices.ToDictionary(d => d.Name, d => planner.Plan(board, d, ["vfio.*"]));

        Assert.Multiple(() =>
        {
            foreach (var (name, plan) in plans)
            {
                Assert.That(plan.Cases.Count + plan.StressCases.Count + plan.NotApplicable.Count, Is.EqualTo(Catalog.All.Count), $"{name}: every case is planned or left out");
            }

            Assert.That(plans["virtio-rng"].Cases, Does.Not.Contain("vfio.common.dma.map_flags"), "type1 case on a no-IOMMU device");
            Assert.That(plans["virtio-rng"].Cases, Does.Not.Contain("vfio.platform.dma.virtio_blk"), "a block case on the entropy device");
            Assert.That(plans["virtio-blk"].Cases, Does.Contain("vfio.platform.dma.virtio_blk"));
            Assert.That(plans["pl031"].Cases, Does.Not.Contain("vfio.common.mmap.no_mmap_flag"), "the PL031's only region is mmap-able");
            Assert.That(plans["pl031"].Cases, Does.Contain("vfio.amba.irq.rtc_match"));
            Assert.That(plans["edu"].Cases, Does.Contain("vfio.pci.dma.smmu_fault").And.Not.Contain("vfio.amba.irq.info_flags"));
            Assert.That(plans["edu"].StressCases, Is.EqualTo(new[] { "vfio.pci.stress.edu_dma_irq" }));
            Assert.That(plans["pl031"].NotApplicable.Single(n => n.Case == "vfio.common.dma.map_flags").Reason, Is.EqualTo("needs --iommu type1"));
        });
    }

    [Test]
    public void The_exynos4210_board_plans_the_pl330_cases_on_each_controller_and_no_pl031_case()
    {
        var lab = LabConfigLoader.Load(RepoFiles.Path("lab.json")).Config!;
        var board = lab.Boards.Single(b => b.Id == "exynos4210");
        var planner = new CatalogPlanner();

        Assert.Multiple(() =>
        {
            foreach (var device in board.Devices)
            {
                var plan = planner.Plan(board, device, ["vfio.*"]);
                Assert.That(plan.Cases, Is.SupersetOf(new[] { "vfio.amba.pl330.identify", "vfio.amba.pl330.memcpy", "vfio.amba.pl330.fault", "vfio.amba.pl330.masking" }), device.Name);
                Assert.That(plan.StressCases, Is.EqualTo(new[] { "vfio.amba.stress.pl330_copy" }), device.Name);
                Assert.That(plan.Cases, Has.None.Contains("pl031").And.None.EqualTo("vfio.amba.region.primecell_id").And.None.EqualTo("vfio.amba.irq.rtc_match"), device.Name);
                Assert.That(plan.Cases, Has.None.EqualTo("vfio.amba.irq.per_index"), device.Name + ": one IRQ index");
            }
        });
    }

    [Test]
    public void The_per_index_IRQ_case_is_planned_on_the_zynq_pl330_alone()
    {
        var lab = LabConfigLoader.Load(RepoFiles.Path("lab.json")).Config!;
        var planner = new CatalogPlanner();
        var planned = lab.Boards.SelectMany(b => b.Devices.Select(d => (b, d)))
            .Where(x => planner.Plan(x.b, x.d, ["vfio.*"]).Cases.Contains("vfio.amba.irq.per_index"))
            .Select(x => x.b.Id + "/" + x.d.Name);

        Assert.That(planned, Is.EqualTo(new[] { "zynq/dmac" }));
    }

    [Test]
    public void A_pattern_narrows_the_plan()
    {
        var lab = LabConfigLoader.Load(RepoFiles.Path("lab.json")).Config!;
        var board = lab.Boards[0];

        var plan = new CatalogPlanner().Plan(board, board.Devices.Single(d => d.Name == "edu"), ["vfio.common.container.*"]);

        Assert.That(plan.Cases, Has.All.StartWith("vfio.common.container.").And.Not.Empty);
    }
}
