using Lab.Orchestrator.Commands;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Coverage;
using Lab.TestCases.Coverage;

namespace Lab.Orchestrator.Tests.Coverage;

public sealed class CoverageMatrixTests
{
    private static readonly CoverageCell ResetCall = new("VFIO_DEVICE_RESET", "call");
    private static readonly CoverageCell MapReadWrite = new("VFIO_IOMMU_MAP_DMA", "READ|WRITE");

    private static CoverageRow Row(IReadOnlyList<CoverageRow> rows, CoverageCell cell) => rows.Single(r => r.Cell == cell);

    [Test]
    public void A_device_s_driver_is_learnt_from_a_driver_specific_case_that_did_not_skip()
    {
        var rows = CoverageMatrix.Build(new Dictionary<string, TestStatus>
        {
            ["vfio.amba.device.flags@pl031"] = TestStatus.Pass,
            ["vfio.common.device.reset@pl031"] = TestStatus.Pass,
            ["vfio.platform.device.flags@pl031"] = TestStatus.Skip,
        });

        var reset = Row(rows, ResetCall);
        Assert.That(reset.ByDriver["amba"].Single(c => c.CaseId == "vfio.common.device.reset").Status, Is.EqualTo(TestStatus.Pass));
        Assert.That(reset.ByDriver["platform"].Single(c => c.CaseId == "vfio.common.device.reset").Status, Is.Null);
        Assert.That(reset.UncoveredDrivers, Does.Not.Contain("amba"));
        Assert.That(reset.UncoveredDrivers, Does.Contain("platform"));
    }

    [Test]
    public void The_worst_status_over_a_driver_s_devices_wins_and_skips_do_not_cover()
    {
        var rows = CoverageMatrix.Build(new Dictionary<string, TestStatus>
        {
            ["vfio.pci.device.flags@edu"] = TestStatus.Pass,
            ["vfio.pci.device.flags@edu2"] = TestStatus.Pass,
            ["vfio.common.device.reset@edu"] = TestStatus.Pass,
            ["vfio.common.device.reset@edu2"] = TestStatus.Fail,
            ["vfio.amba.device.flags@pl031"] = TestStatus.Pass,
            ["vfio.common.device.reset@pl031"] = TestStatus.Skip,
        });

        var reset = Row(rows, ResetCall);
        Assert.That(reset.ByDriver["pci"].Single(c => c.CaseId == "vfio.common.device.reset").Status, Is.EqualTo(TestStatus.Fail));
        Assert.That(reset.UncoveredDrivers, Does.Contain("amba"), "a SKIP does not cover a cell");
        Assert.That(reset.UncoveredDrivers, Does.Not.Contain("pci"), "a FAIL ran: the cell is covered (and failing)");
    }

    [Test]
    public void Not_applicable_cells_carry_their_reason_and_are_never_gaps()
    {
        var rows = CoverageMatrix.Build(new Dictionary<string, TestStatus>());

        var map = Row(rows, MapReadWrite);
        Assert.That(map.NotApplicable.Keys, Is.EquivalentTo(new[] { "platform", "amba" }));
        Assert.That(map.NotApplicable["amba"], Does.Contain("no-IOMMU"));
        Assert.That(map.UncoveredDrivers, Is.EqualTo(new[] { "pci" }), "nothing ran: only the driver it applies to is a gap");
    }

    [Test]
    public void The_listing_prints_N_A_cells_and_leaves_them_out_of_the_uncovered_list()
    {
        var rows = CoverageMatrix.Build(new Dictionary<string, TestStatus>());
        using var output = new StringWriter();

        CoverageCommand.Write(rows, output);

        var text = output.ToString();
        var uncovered = text[text.IndexOf("uncovered", StringComparison.Ordinal)..text.IndexOf("not applicable (N/A):", StringComparison.Ordinal)];
        Assert.That(uncovered, Does.Contain("VFIO_IOMMU_MAP_DMA READ|WRITE [pci]"));
        Assert.That(uncovered, Does.Not.Contain("VFIO_IOMMU_MAP_DMA READ|WRITE [amba]"));
        Assert.That(text, Does.Contain("VFIO_IOMMU_MAP_DMA READ|WRITE [amba]: no-IOMMU"));
        Assert.That(text, Does.Match(@"VFIO_IOMMU_MAP_DMA +READ\|WRITE +N/A +N/A +dma\.map_flags"), "the table shows N/A where nothing ran");
    }

    [Test]
    public void Every_not_applicable_row_names_a_matrix_cell_and_a_matrix_driver()
    {
        var cells = CaseCoverage.AllCells.ToHashSet();

        Assert.That(CoverageNotApplicable.All.Where(n => !cells.Contains(n.Cell)).Select(n => n.Cell.ToString()), Is.Empty);
        Assert.That(CoverageNotApplicable.All.Select(n => n.Driver).Distinct(), Is.SubsetOf(CaseCoverage.Drivers));
        Assert.That(CoverageNotApplicable.All.Where(n => string.IsNullOrWhiteSpace(n.Reason)), Is.Empty);
    }

    [Test]
    public void Lab_json_drivers_place_devices_whose_driver_specific_cases_did_not_run()
    {
        var latest = new Dictionary<string, TestStatus> { ["vfio.common.device.reset@virtio-rng"] = TestStatus.Pass };

        var unplaced = Row(CoverageMatrix.Build(latest), ResetCall);
        var placed = Row(CoverageMatrix.Build(latest, new Dictionary<string, string> { ["virtio-rng"] = "platform" }), ResetCall);

        Assert.That(unplaced.UncoveredDrivers, Does.Contain("platform"), "a common-only run says nothing about the driver by itself");
        Assert.That(placed.ByDriver["platform"].Single(c => c.CaseId == "vfio.common.device.reset").Status, Is.EqualTo(TestStatus.Pass));
        Assert.That(placed.UncoveredDrivers, Does.Not.Contain("platform"));
    }
}
