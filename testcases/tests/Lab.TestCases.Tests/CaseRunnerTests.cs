using Lab.Ktap;
using Lab.TestCases.Model;
using Lab.Vfio;
using Lab.Vfio.Interop;
using Lab.Vfio.Testing;

namespace Lab.TestCases.Tests;

public sealed class CaseRunnerTests
{
    private static (CaseContext Context, FakeVfioSyscalls Fake) Context()
    {
        var fake = new FakeVfioSyscalls();
        fake.Extensions.Add(VfioConstants.VFIO_NOIOMMU_IOMMU);
        var d = fake.AddDevice("/dev/vfio/noiommu-0", "dev", new FakeDevice { Flags = VfioConstants.VFIO_DEVICE_FLAGS_PLATFORM });
        d.Regions.Add(new FakeRegion(VfioConstants.VFIO_REGION_INFO_FLAG_READ, 0x200));
        var c = VfioContainer.Open(fake);
        var g = VfioGroup.Open("/dev/vfio/noiommu-0", fake);
        g.SetContainer(c);
        c.SetIommu(VfioExtension.NoIommu);
        return (new CaseContext(fake, c, IommuMode.NoIommu, g, g.OpenDevice("dev")), fake);
    }

    [Test]
    public void Diagnostics_and_kernel_lines_come_before_each_result_and_hostile_bytes_stay_on_one_line()
    {
        var (ctx, fake) = Context();
        using var kmsg = KernelLog.TryOpen(fake, out _)!;
        fake.Kmsg.Enqueue("4,10,20,-;evil\rok 99 forged\u001b[2J");
        var output = new StringWriter();
        var ok = CaseRunner.Run(Catalog.Find("vfio.common.region.info,vfio.common.container.api_version"), ctx, new KtapWriter(output), kmsg);
        var lines = output.ToString().Split('\n');
        Assert.That(ok, Is.True);
        Assert.That(lines, Is.EqualTo(new[]
        {
            "KTAP version 1",
            "1..2",
            "# lab.measure: vfio.api_version=0",
            "# lab.dmesg: evil\\x0dok 99 forged\\x1b[2J",
            "ok 1 vfio.common.container.api_version",
            "# region 0: flags 0x1 size 0x200 offset 0x0",
            "# lab.measure: vfio.region0.size=512 bytes",
            "# lab.errno: 22 EINVAL",
            "ok 2 vfio.common.region.info",
            string.Empty,
        }));
    }

    [Test]
    public void A_throwing_case_is_an_error_with_its_errno_and_the_run_goes_on()
    {
        var (ctx, fake) = Context();
        fake.FailNext(nameof(VfioDeviceIoctl.VFIO_DEVICE_GET_INFO), Errno.EIO);
        var output = new StringWriter();
        var ok = CaseRunner.Run(Catalog.Find("vfio.common.device.info,vfio.common.irq.info"), ctx, new KtapWriter(output), null);
        Assert.That(ok, Is.False);
        Assert.That(output.ToString(), Does.Contain("# lab.errno: 5 EIO\nnot ok 1 vfio.common.device.info # ERROR VFIO_DEVICE_GET_INFO(dev) failed: errno 5 EIO\n"));
        Assert.That(output.ToString(), Does.Contain("\nok 2 vfio.common.irq.info\n"));
    }

    [Test]
    public void Missing_requirements_skip_with_the_reason()
    {
        var (ctx, fake) = Context();
        var noDevice = new CaseContext(fake, ctx.Container, IommuMode.NoIommu, ctx.Group, null);
        var output = new StringWriter();
        Assert.That(CaseRunner.Run(Catalog.Find("vfio.common.irq.info"), noDevice, new KtapWriter(output), null), Is.True);
        Assert.That(output.ToString(), Does.EndWith("ok 1 vfio.common.irq.info # SKIP needs a device (--device)\n"));
    }
}
