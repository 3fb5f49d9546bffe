using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Lab.TestCases.Model;
using Lab.TestCases.Devices.Virtio;
using Lab.Vfio;
using Lab.Vfio.Interop;
using Lab.Vfio.Testing;

namespace Lab.TestCases.Tests.Virtio;

/// <summary>
/// The driver against a fake device: registers are plain memory, the "device" is the test writing the used ring
/// (found through a fake pagemap that hands out small PFNs, as a 1 GiB board would) and firing the IRQ.
/// </summary>
public sealed class VirtioDriverTests
{
    private const string Group = "/dev/vfio/noiommu-0";
    private const string Name = "a003c00.virtio_mmio";
    private readonly Dictionary<ulong, ulong> _vpnOfPfn = [];

    private (FakeVfioSyscalls Fake, CaseContext Context, FakeRegion Region) Board()
    {
        var fake = new FakeVfioSyscalls();
        fake.Extensions.Add(VfioConstants.VFIO_NOIOMMU_IOMMU);
        var pfnOfVpn = new Dictionary<ulong, ulong>();
        fake.Pagemap = vpn =>
        {
            if (!pfnOfVpn.TryGetValue(vpn, out var pfn))
            {
                pfn = 0x40000 + (ulong)pfnOfVpn.Count;
                pfnOfVpn[vpn] = pfn;
                _vpnOfPfn[pfn] = vpn;
            }

            return Pagemap.PresentBit | pfn;
        };
        var d = fake.AddDevice(Group, Name, new FakeDevice { Flags = VfioConstants.VFIO_DEVICE_FLAGS_PLATFORM });
        var region = new FakeRegion(VfioConstants.VFIO_REGION_INFO_FLAG_READ | VfioConstants.VFIO_REGION_INFO_FLAG_WRITE, 0x200);
        d.Regions.Add(region);
        d.Irqs.Add((VfioConstants.VFIO_IRQ_INFO_EVENTFD, 1));
        Set(region, VirtioMmioRegisters.MagicValue, VirtioMmioRegisters.MagicValueExpected);
        Set(region, VirtioMmioRegisters.Version, 1);
        Set(region, VirtioMmioRegisters.DeviceId, VirtioMmioTransport.EntropyDevice);
        Set(region, VirtioMmioRegisters.QueueNumMax, 1024);
        var c = VfioContainer.Open(fake);
        var g = VfioGroup.Open(Group, fake);
        g.SetContainer(c);
        c.SetIommu(VfioExtension.NoIommu);
        return (fake, new CaseContext(fake, c, IommuMode.NoIommu, g, g.OpenDevice(Name)), region);
    }

    private static void Set(FakeRegion r, ulong register, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(r.Backing.AsSpan((int)register), value);

    private static uint Get(FakeRegion r, ulong register) => BinaryPrimitives.ReadUInt32LittleEndian(r.Backing.AsSpan((int)register));

    /// <summary>What the device does on completion: the used element, then used idx.</summary>
    private void DeviceUses(VirtioDriver d, ushort usedIdx, uint length)
    {
        var ring = (nint)(long)(_vpnOfPfn[d.RingAddress / VirtioDriver.GuestPageSize] * VirtioDriver.GuestPageSize);
        Marshal.WriteInt32(ring + d.Ring.Layout.UsedSlot(usedIdx), 0);
        Marshal.WriteInt32(ring + d.Ring.Layout.UsedSlot(usedIdx) + 4, (int)length);
        Marshal.WriteInt16(ring + d.Ring.Layout.UsedIdxOffset, (short)(usedIdx + 1));
    }

    [Test]
    public void Setup_writes_the_legacy_queue_registers_and_binds_the_irq()
    {
        var (fake, context, region) = Board();
        Assert.That(VirtioDriver.TryOpen(context, VirtioMmioTransport.EntropyDevice, _ => 0, out var d), Is.Null);
        using (d)
        {
            Assert.That(Get(region, VirtioMmioRegisters.GuestPageSize), Is.EqualTo(4096));
            Assert.That(Get(region, VirtioMmioRegisters.QueueNum), Is.EqualTo(16), "QueueNumMax 1024 is capped at 16 so the ring fits one page");
            Assert.That(Get(region, VirtioMmioRegisters.QueueAlign), Is.EqualTo(64));
            Assert.That(Get(region, VirtioMmioRegisters.QueuePfn), Is.EqualTo(d!.RingAddress / 4096));
            Assert.That(Get(region, VirtioMmioRegisters.Status), Is.EqualTo(VirtioStatus.Acknowledge | VirtioStatus.Driver | VirtioStatus.DriverOk));
            Assert.That(fake.Triggers.ContainsKey((0, 0)), Is.True, "IRQ 0 bound to an eventfd");
        }

        Assert.That(Get(region, VirtioMmioRegisters.Status), Is.Zero, "Dispose resets the device");
        Assert.That(fake.Triggers.ContainsKey((0, 0)), Is.False, "Dispose unbinds the IRQ");
    }

    [Test]
    public void A_completion_without_its_irq_is_lost_and_one_with_it_is_acked()
    {
        var (fake, context, region) = Board();
        VirtioDriver.TryOpen(context, VirtioMmioTransport.EntropyDevice, _ => 0, out var d);
        using (d)
        {
            d!.Submit([new VirtqSegment(0x1234000, 64, true)]);
            DeviceUses(d, 0, 64);
            var lost = d.WaitCompletion(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100));
            Assert.That((lost.Used, lost.Length, lost.Irq, lost.IrqLost), Is.EqualTo((true, 64u, false, true)));

            d.Submit([new VirtqSegment(0x1234000, 64, true)]);
            DeviceUses(d, 1, 32);
            Set(region, VirtioMmioRegisters.InterruptStatus, VirtioStatus.InterruptUsedBuffer);
            fake.FireIrq(0);
            var ok = d.WaitCompletion(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
            Assert.That((ok.Used, ok.Length, ok.Irq, ok.IrqLost, ok.EventfdCount, ok.InterruptStatus), Is.EqualTo((true, 32u, true, false, 1UL, 1u)));
            Assert.That(Get(region, VirtioMmioRegisters.InterruptAck), Is.EqualTo(1), "InterruptStatus acknowledged");

            d.Submit([new VirtqSegment(0x1234000, 64, true)]);
            var none = d.WaitCompletion(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
            Assert.That((none.Used, none.Irq), Is.EqualTo((false, false)));
        }
    }
}
