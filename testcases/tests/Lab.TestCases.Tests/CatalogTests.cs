using Lab.Ktap;
using Lab.TestCases.Cases;
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
        // PL031 periph ids 0x31 0x10 0x04 0x00 and PrimeCell ids 0x0d 0xf0 0x05 0xb1 at 0xFE0-0xFFC.
        byte[] ids = [0x31, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1];
        for (var i = 0; i < ids.Length; i++) { d.Regions[0].Backing[0xFE0 + (i * 4)] = ids[i]; }
        // Its device-tree node: one GIC interrupt (SPI 2, level high).
        fake.Files["/sys/bus/amba/devices/" + Name + "/of_node/interrupts"] = [0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 4];
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
        Assert.That(Catalog.Find("vfio.common.container.set_iommu_*").Select(c => c.Id), Is.EqualTo(new[] { "vfio.common.container.set_iommu_no_group", "vfio.common.container.set_iommu_unsupported", "vfio.common.container.set_iommu_twice" }));
        Assert.That(Catalog.Find("*.irq.set_bad_*,*.group.status").Select(c => c.Id), Is.EqualTo(new[] { "vfio.common.group.status", "vfio.common.irq.set_bad_start", "vfio.common.irq.set_bad_index" }));
        Assert.That(Catalog.Find(null), Has.Count.EqualTo(Catalog.All.Count));
        Assert.That(Catalog.Find("nothing"), Is.Empty);
    }

    [Test]
    public void The_runner_passes_every_amba_case_and_skips_other_drivers_with_a_reason()
    {
        var (fake, _) = Board();
        using var session = VfioSession.Open(fake, IommuMode.NoIommu, Group, Name);
        var ctx = new CaseContext(fake, session) { Kernel = new Version(6, 1, 0), StressDuration = TimeSpan.FromMilliseconds(200) };
        var output = new StringWriter();
        // The PL031 match cases need a real RTC (board only).
        var ok = CaseRunner.Run(Catalog.All.Where(c => !c.Id.StartsWith("vfio.amba.irq.rtc_match", StringComparison.Ordinal) && c.Id != "vfio.amba.irq.unmask_eventfd").ToList(), ctx, new KtapWriter(output), null);
        var results = output.ToString().Split('\n').Where(l => l.StartsWith("ok ", StringComparison.Ordinal) || l.StartsWith("not ok", StringComparison.Ordinal)).ToList();
        Assert.That(results.Where(l => !l.StartsWith("ok ", StringComparison.Ordinal)), Is.Empty, output.ToString());
        Assert.That(ok, Is.True);
        var skips = results.Where(l => l.Contains("# SKIP", StringComparison.Ordinal)).ToList();
        var unmet = Catalog.All.Count(c => c.Requirements.Missing(ctx) is not null);
        Assert.That(skips.Count(l => l.Contains("device is bound to vfio-amba; case needs vfio-", StringComparison.Ordinal) || l.Contains("needs --iommu type1", StringComparison.Ordinal)), Is.EqualTo(unmet), string.Join("\n", skips));
        var pl330 = Catalog.All.Count(c => c.Requirements.AnyDeviceFeature.Contains("pl330"));
        Assert.That(skips.Where(l => l.Contains("not a PL330", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(pl330), "the PL330 cases see a PL031 and skip");
        Assert.That(skips, Has.Count.EqualTo(unmet + 4 + pl330), string.Join("\n", skips));
        Assert.That(skips, Has.One.Contains("vfio.amba.irq.per_index # SKIP 1 IRQ index"));
        Assert.That(skips, Has.One.Contains("vfio.common.mmap.no_mmap_flag # SKIP every readable region"));
        Assert.That(skips, Has.One.Contains("vfio.common.irq.mask_edge # SKIP device has no IRQ index"));
        Assert.That(skips, Has.One.Contains("vfio.amba.reset.registers # SKIP no reset handler for this device (flags 0x8 without RESET"));
        Assert.That(session.Device, Is.Not.Null, "the shared device is reopened after fresh-group cases");
    }

    [Test]
    public void Several_IRQ_indexes_are_routed_and_masked_one_by_one()
    {
        var (fake, d) = Board();
        const uint Level = VfioConstants.VFIO_IRQ_INFO_EVENTFD | VfioConstants.VFIO_IRQ_INFO_MASKABLE | VfioConstants.VFIO_IRQ_INFO_AUTOMASKED;
        d.Irqs.Add((Level, 1));
        d.Irqs.Add((Level, 1));
        var routing = new IrqRoutingCase();
        var outcome = routing.Run(Context(fake));
        Assert.That(outcome.Status, Is.EqualTo(CaseStatus.Pass), outcome.Reason);
        Assert.That(fake.Triggers, Is.Empty, "every index's trigger is torn down");

        // An index that is not a level line (no MASKABLE) is reported by its number.
        var (fake2, d2) = Board();
        d2.Irqs.Add((Level, 1));
        d2.Irqs.Add((VfioConstants.VFIO_IRQ_INFO_EVENTFD, 1));
        var bad = routing.Run(Context(fake2));
        Assert.That(bad.Status, Is.EqualTo(CaseStatus.Fail));
        Assert.That(bad.Reason, Does.Contain("index=2"));
    }

    [Test]
    public void Errno_mismatches_name_the_call_both_errnos_the_kernel_and_the_driver()
    {
        var (fake, _) = Board();
        using var session = VfioSession.Open(fake, IommuMode.NoIommu, Group, Name);
        var ctx = new CaseContext(fake, session) { Kernel = new Version(6, 1, 0) };
        var outcome = Catalog.Find("vfio.common.device.unknown_ioctl").Single().Run(ctx);
        Assert.That(outcome, Is.EqualTo(CaseOutcome.Pass()));
        var bad = ExpectedErrno.Check(ctx, "vfio.common.group.set_container_bad_fd", "VFIO_GROUP_SET_CONTAINER(fd=-1)", Errno.ENOTTY);
        Assert.That(bad.Reason, Is.EqualTo("VFIO_GROUP_SET_CONTAINER(fd=-1): expected EBADF (9), got ENOTTY (25) on 6.1.0 vfio-amba"));
        Assert.That(ctx.Errnos, Is.EqualTo(new[] { Errno.ENOTTY, Errno.ENOTTY }));
    }

    [TestCase(6, 1, true, true)]
    [TestCase(6, 1, false, false)]
    [TestCase(6, 13, false, true)]
    [TestCase(6, 13, true, false)]
    public void The_extensions_case_holds_each_kernel_to_its_type1_nesting_answer(int major, int minor, bool offersNesting, bool passes)
    {
        var (fake, _) = Board();
        if (!offersNesting)
        {
            fake.Extensions.Remove(VfioConstants.VFIO_TYPE1_NESTING_IOMMU);
        }

        using var session = VfioSession.Open(fake, IommuMode.NoIommu, Group, Name);
        var ctx = new CaseContext(fake, session) { Kernel = new Version(major, minor) };
        var outcome = Catalog.Find("vfio.common.container.extensions").Single().Run(ctx);

        Assert.That(outcome.Status, Is.EqualTo(passes ? CaseStatus.Pass : CaseStatus.Fail), outcome.Reason);
    }

    [Test]
    public void Expected_errno_rows_prefer_driver_then_kernel_range()
    {
        var row = new ExpectedErrnoRow("x", Errno.EINVAL, MinKernel: new Version(6, 2), MaxKernel: new Version(6, 8));
        Assert.That(row.Matches("x", null, new Version(6, 1)), Is.False);
        Assert.That(row.Matches("x", null, new Version(6, 2)), Is.True);
        Assert.That(row.Matches("x", null, new Version(6, 8)), Is.False);
        Assert.That(new ExpectedErrnoRow("x", 0, "pci").Specificity, Is.GreaterThan(row.Specificity));
        Assert.That(ExpectedErrno.For("vfio.common.group.get_device_fd_twice"), Is.EqualTo(0));
    }

    [Test]
    public void Every_case_passes_on_a_healthy_fake_amba_device()
    {
        var (fake, _) = Board();
        var ctx = Context(fake);
        foreach (var c in Catalog.All.Where(c => !c.Requirements.Has(CaseFeature.FreshGroup) && !c.Requirements.Has(CaseFeature.Type1) && c.Requirements.Driver is null or "amba" && c is not Cases.Pl031MatchCase))
        {
            ctx.ResetRecords();
            Assert.That(c.Requirements.Missing(ctx), Is.Null, c.Id);
            Assert.That(c.Run(ctx).Status, Is.AnyOf(CaseStatus.Pass, CaseStatus.Skip), c.Id);
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
