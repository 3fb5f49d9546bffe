using Lab.TestCases.Timing;
using Lab.Vfio;
using Lab.Vfio.Interop;
using Lab.Vfio.Testing;

namespace Lab.TestCases.Tests.Timing;

/// <summary>The timed IRQ loops against the fake kernel: the same ioctls in the same order as the C reference, checked.</summary>
public sealed class IrqLoopsTests
{
    private const uint Level = VfioConstants.VFIO_IRQ_INFO_EVENTFD | VfioConstants.VFIO_IRQ_INFO_MASKABLE | VfioConstants.VFIO_IRQ_INFO_AUTOMASKED;

    private static (VfioDevice Device, FakeVfioSyscalls Fake) Device(uint irqFlags)
    {
        var fake = new FakeVfioSyscalls();
        fake.Extensions.Add(VfioConstants.VFIO_NOIOMMU_IOMMU);
        var d = fake.AddDevice("/dev/vfio/noiommu-0", "dev", new FakeDevice { Flags = VfioConstants.VFIO_DEVICE_FLAGS_AMBA });
        d.Irqs.Add((irqFlags, 1));
        var c = VfioContainer.Open(fake);
        var g = VfioGroup.Open("/dev/vfio/noiommu-0", fake);
        g.SetContainer(c);
        c.SetIommu(VfioExtension.NoIommu);
        return (g.OpenDevice("dev"), fake);
    }

    [Test]
    public void Loopback_times_every_iteration_after_the_warm_up_and_unmasks_an_automasked_line()
    {
        var (device, fake) = Device(Level);
        using var trigger = Eventfd.Create(fake);
        device.SetIrqsEventfd(0, VfioIrqAction.Trigger, 0, [trigger]);
        var clock = new SampleClock(50);

        var failed = IrqLoops.Loopback(device, 0, automasked: true, trigger, clock, warmup: 5, iterations: 50);

        Assert.Multiple(() =>
        {
            Assert.That(failed, Is.Null);
            Assert.That(clock.Count, Is.EqualTo(50));
            Assert.That(fake.Masked, Is.Empty, "every automask undone");
        });
    }

    [Test]
    public void Loopback_without_the_unmask_of_an_automasked_line_stops_at_the_second_iteration()
    {
        var (device, fake) = Device(Level);
        using var trigger = Eventfd.Create(fake);
        device.SetIrqsEventfd(0, VfioIrqAction.Trigger, 0, [trigger]);

        var failed = IrqLoops.Loopback(device, 0, automasked: false, trigger, new SampleClock(10), warmup: 0, iterations: 10);

        Assert.That(failed, Does.StartWith("iteration 1:").And.Contain("not signalled"));
    }

    [Test]
    public void Unmasked_delivery_checks_that_the_masked_trigger_was_dropped_and_times_the_unmask()
    {
        var (device, fake) = Device(Level);
        using var trigger = Eventfd.Create(fake);
        device.SetIrqsEventfd(0, VfioIrqAction.Trigger, 0, [trigger]);
        var clock = new SampleClock(20);

        var failed = IrqLoops.UnmaskedDelivery(device, 0, automasked: true, trigger, clock, warmup: 2, iterations: 20);

        Assert.Multiple(() =>
        {
            Assert.That(failed, Is.Null);
            Assert.That(clock.Count, Is.EqualTo(20));
            Assert.That(fake.Masked, Is.Empty);
        });
    }

    [Test]
    public void A_refused_set_irqs_names_the_iteration_and_the_errno()
    {
        var (device, fake) = Device(Level);
        using var trigger = Eventfd.Create(fake);

        var failed = IrqLoops.Loopback(device, 7, automasked: false, trigger, new SampleClock(1), warmup: 0, iterations: 1);

        Assert.That(failed, Does.StartWith("iteration 0: VFIO_DEVICE_SET_IRQS(index=7, DATA_NONE|TRIGGER): E"));
    }
}
