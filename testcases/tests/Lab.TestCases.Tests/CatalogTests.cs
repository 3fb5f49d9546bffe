using Lab.TestCases.Model;
using Lab.Vfio;
using Lab.Vfio.Interop;
using Lab.Vfio.Testing;

namespace Lab.TestCases.Tests;

public sealed class CatalogTests
{
    private const string Group = "/dev/vfio/noiommu-0";
    private const string Name = "9010000.pl031";

    private static (FakeVfioSyscalls Fake, FakeDevice Device) Board()
    {
        var fake = new FakeVfioSyscalls();
        fake.Extensions.Add(VfioConstants.VFIO_NOIOMMU_IOMMU);
        var d = fake.AddDevice(Group, Name, new FakeDevice { Flags = VfioConstants.VFIO_DEVICE_FLAGS_AMBA });
        d.Regions.Add(new FakeRegion(VfioConstants.VFIO_REGION_INFO_FLAG_READ | VfioConstants.VFIO_REGION_INFO_FLAG_WRITE | VfioConstants.VFIO_REGION_INFO_FLAG_MMAP, 0x1000));
        d.Irqs.Add((VfioConstants.VFIO_IRQ_INFO_EVENTFD | VfioConstants.VFIO_IRQ_INFO_MASKABLE | VfioConstants.VFIO_IRQ_INFO_AUTOMASKED, 1));
        return (fake, d);
    }

    private static CaseContext Context(FakeVfioSyscalls fake, bool withDevice = true)
    {
        var c = VfioContainer.Open(fake);
        var g = VfioGroup.Open(Group, fake);
        g.SetContainer(c);
        c.SetIommu(VfioExtension.NoIommu);
        return new CaseContext(fake, c, IommuMode.NoIommu, g, withDevice ? g.OpenDevice(Name) : null);
    }

    [Test]
    public void Ids_are_unique_and_well_formed()
    {
        var ids = Catalog.All.Select(c => c.Id).ToList();
        Assert.That(ids, Is.Unique);
        Assert.That(ids.Where(id => !CaseIds.IsWellFormed(id)), Is.Empty);
        Assert.That(ids, Has.Count.GreaterThanOrEqualTo(6));
    }

    [Test]
    public void Patterns_select_by_glob_and_comma_lists()
    {
        Assert.That(Catalog.Find("vfio.common.container.*").Select(c => c.Id), Is.EqualTo(new[] { "vfio.common.container.api_version", "vfio.common.container.extensions" }));
        Assert.That(Catalog.Find("*.irq.*,*.group.status").Select(c => c.Id), Is.EqualTo(new[] { "vfio.common.group.status", "vfio.common.irq.info" }));
        Assert.That(Catalog.Find(null), Has.Count.EqualTo(Catalog.All.Count));
        Assert.That(Catalog.Find("nothing"), Is.Empty);
    }

    [Test]
    public void Every_case_passes_on_a_healthy_fake_amba_device()
    {
        var (fake, _) = Board();
        var ctx = Context(fake);
        foreach (var c in Catalog.All)
        {
            ctx.ResetRecords();
            Assert.That(c.Requirements.Missing(ctx), Is.Null, c.Id);
            Assert.That(c.Run(ctx), Is.EqualTo(CaseOutcome.Pass()), c.Id);
        }
    }

    [Test]
    public void Negative_cases_record_the_errno_and_fail_with_ioctl_and_errno_names_when_it_differs()
    {
        var (fake, _) = Board();
        var ctx = Context(fake);
        var region = Catalog.Find("vfio.common.region.info").Single();
        Assert.That(region.Run(ctx).Status, Is.EqualTo(CaseStatus.Pass));
        Assert.That(ctx.Errnos, Is.EqualTo(new[] { Errno.EINVAL }));

        // A device without IRQs whose kernel answers index num_irqs (0) with ENOENT instead of EINVAL.
        var (fake2, d2) = Board();
        d2.Irqs.Clear();
        var ctx2 = Context(fake2);
        fake2.FailNext(nameof(VfioDeviceIoctl.VFIO_DEVICE_GET_IRQ_INFO), Errno.ENOENT);
        var outcome = Catalog.Find("vfio.common.irq.info").Single().Run(ctx2);
        Assert.That(outcome, Is.EqualTo(CaseOutcome.Fail("VFIO_DEVICE_GET_IRQ_INFO(index=0) gave errno 2 ENOENT, expected 22 EINVAL")));
        Assert.That(ctx2.Errnos, Is.EqualTo(new[] { Errno.ENOENT }));
    }

    [Test]
    public void Bad_device_data_fails_the_case_with_the_values()
    {
        var (fake, d) = Board();
        d.Irqs[0] = (VfioConstants.VFIO_IRQ_INFO_AUTOMASKED, 1);
        var outcome = Catalog.Find("vfio.common.irq.info").Single().Run(Context(fake));
        Assert.That(outcome.Status, Is.EqualTo(CaseStatus.Fail));
        Assert.That(outcome.Reason, Does.Contain("no EVENTFD flag (0x4)"));
        d.Flags |= VfioConstants.VFIO_DEVICE_FLAGS_PCI;
        Assert.That(Catalog.Find("vfio.common.device.info").Single().Run(Context(fake)).Reason, Does.Contain("exactly one bus flag"));
    }

    [Test]
    public void Device_cases_skip_with_a_reason_without_a_device()
    {
        var (fake, _) = Board();
        var ctx = Context(fake, withDevice: false);
        Assert.That(Catalog.Find("vfio.common.device.info").Single().Requirements.Missing(ctx), Is.EqualTo("needs a device (--device)"));
        Assert.That(new Requirements(CaseFeature.Type1).Missing(ctx), Is.EqualTo("needs --iommu type1"));
    }

    [Test]
    public void Expected_errnos_are_data()
    {
        Assert.That(ExpectedErrno.For("vfio.common.region.info"), Is.EqualTo(Errno.EINVAL));
        Assert.That(() => ExpectedErrno.For("vfio.nope.x.y"), Throws.TypeOf<KeyNotFoundException>());
        Assert.That(CaseIds.Area("vfio.common.irq.info"), Is.EqualTo("irq"));
    }
}
