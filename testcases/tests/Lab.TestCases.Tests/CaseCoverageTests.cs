using Lab.TestCases.Coverage;

namespace Lab.TestCases.Tests;

public sealed class CaseCoverageTests
{
    [Test]
    public void Every_catalog_case_declares_what_it_covers_and_every_row_names_a_catalog_case()
    {
        var ids = Catalog.All.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        Assert.That(Catalog.All.Where(c => CaseCoverage.For(c.Id).Count == 0).Select(c => c.Id), Is.Empty);
        Assert.That(CaseCoverage.CaseIds.Where(id => !ids.Contains(id)), Is.Empty);
    }

    [Test]
    public void Cells_are_unique_and_drivers_follow_the_case_requirements()
    {
        Assert.That(CaseCoverage.AllCells, Is.Unique);
        Assert.That(CaseCoverage.AllCells, Has.Some.EqualTo(new CoverageCell("pwrite", "read-only region")), "a cell no case covers is still a row of the matrix");
        Assert.That(CaseCoverage.CaseIds.SelectMany(CaseCoverage.For), Has.None.EqualTo(new CoverageCell("pwrite", "read-only region")),
            "the read-only pwrite cell has no device on this lab; if a case covers it now, drop it from the known gaps");
        var pl031 = Catalog.Find("vfio.amba.irq.rtc_match").Single();
        Assert.That(CaseCoverage.DriversOf(pl031), Is.EqualTo(new[] { "amba" }));
        Assert.That(CaseCoverage.DriversOf(Catalog.Find("vfio.common.irq.set_bad_index").Single()), Is.EqualTo(new[] { "platform", "amba", "pci" }));
    }
}
