using System.Buffers.Binary;
using Lab.TestCases.Cases;
using Lab.TestCases.Model;
using Lab.TestCases.Devices.Virtio;
using Lab.Vfio;
using Lab.Vfio.Interop;
using Lab.Vfio.Testing;

namespace Lab.TestCases.Tests.Virtio;

public sealed class VirtioMmioTransportTests
{
    private const string Group = "/dev/vfio/noiommu-0";
    private const string Name = "a003c00.virtio_mmio";

    private static (CaseContext Context, FakeRegion Region) Board(uint magic, uint version, uint deviceId)
    {
        var fake = new FakeVfioSyscalls();
        fake.Extensions.Add(VfioConstants.VFIO_NOIOMMU_IOMMU);
        var d = fake.AddDevice(Group, Name, new FakeDevice { Flags = VfioConstants.VFIO_DEVICE_FLAGS_PLATFORM });
        var region = new FakeRegion(VfioConstants.VFIO_REGION_INFO_FLAG_READ | VfioConstants.VFIO_REGION_INFO_FLAG_WRITE, 0x200);
        d.Regions.Add(region);
        d.Irqs.Add((VfioConstants.VFIO_IRQ_INFO_EVENTFD, 1));
        BinaryPrimitives.WriteUInt32LittleEndian(region.Backing.AsSpan(0x0), magic);
        BinaryPrimitives.WriteUInt32LittleEndian(region.Backing.AsSpan(0x4), version);
        BinaryPrimitives.WriteUInt32LittleEndian(region.Backing.AsSpan(0x8), deviceId);
        var c = VfioContainer.Open(fake);
        var g = VfioGroup.Open(Group, fake);
        g.SetContainer(c);
        c.SetIommu(VfioExtension.NoIommu);
        return (new CaseContext(fake, c, IommuMode.NoIommu, g, g.OpenDevice(Name)), region);
    }

    private static VirtioMmioTransport Transport(CaseContext c) => new(c.Device!.OpenRegion(0));

    [Test]
    public void A_legacy_device_probes_clean_and_other_versions_or_magic_give_the_reason()
    {
        Assert.That(Transport(Board(VirtioMmioRegisters.MagicValueExpected, 1, 4).Context).Probe(), Is.Null);
        Assert.That(Transport(Board(VirtioMmioRegisters.MagicValueExpected, 2, 4).Context).Probe(), Does.Contain("Version register (0x004) reads 2"));
        Assert.That(Transport(Board(0x12345678, 1, 4).Context).Probe(), Does.Contain("0x12345678, not the virtio-mmio magic 0x74726976"));
        Assert.That(Transport(Board(VirtioMmioRegisters.MagicValueExpected, 1, 0).Context).Probe(), Does.Contain("DeviceID (0x008) is 0"));
    }

    [Test]
    public void Registers_are_accessed_as_4_byte_little_endian_words()
    {
        var (context, region) = Board(VirtioMmioRegisters.MagicValueExpected, 1, 4);
        var t = Transport(context);
        t.SetGuestFeatures(0x200);
        // GuestFeaturesSel was left at 1 with word 1 = 0; word 0 went in first.
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(region.Backing.AsSpan((int)VirtioMmioRegisters.GuestFeaturesSel)), Is.EqualTo(1));
        t.AckInterrupt(3);
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(region.Backing.AsSpan((int)VirtioMmioRegisters.InterruptAck)), Is.EqualTo(3));
        BinaryPrimitives.WriteUInt32LittleEndian(region.Backing.AsSpan(0x100), 0x00020000);
        Assert.That(t.ReadConfig32(0), Is.EqualTo(0x00020000));
    }

    [Test]
    public void The_block_cases_skip_on_an_entropy_device_and_say_which_id_they_saw()
    {
        var (context, _) = Board(VirtioMmioRegisters.MagicValueExpected, 1, 4);
        var outcome = new VirtioBlkDmaCase().Run(context);
        Assert.That(outcome.Status, Is.EqualTo(CaseStatus.Skip));
        Assert.That(outcome.Reason, Is.EqualTo("virtio-mmio DeviceID (0x008) is 4; this case needs device id 2 (block)"));
        var rng = new VirtioRngDmaCase().Run(Board(VirtioMmioRegisters.MagicValueExpected, 1, 2).Context);
        Assert.That(rng.Reason, Is.EqualTo("virtio-mmio DeviceID (0x008) is 2; this case needs device id 4 (entropy)"));
        var legacyOnly = new VirtioCompletionCase().Run(Board(VirtioMmioRegisters.MagicValueExpected, 2, 4).Context);
        Assert.That(legacyOnly.Status, Is.EqualTo(CaseStatus.Skip));
        Assert.That(legacyOnly.Reason, Does.Contain("only the legacy transport"));
    }
}
