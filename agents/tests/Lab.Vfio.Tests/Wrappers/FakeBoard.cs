using Lab.Vfio.Interop;
using Lab.Vfio.Testing;

namespace Lab.Vfio.Tests.Wrappers;

/// <summary>A fake kernel with a PL031-like AMBA device in group /dev/vfio/noiommu-0.</summary>
internal static class FakeBoard
{
    public const string Group = "/dev/vfio/noiommu-0";
    public const string Name = "9010000.pl031";

    public static (FakeVfioSyscalls Fake, FakeDevice Device) Create()
    {
        var fake = new FakeVfioSyscalls();
        fake.Extensions.Add(VfioConstants.VFIO_NOIOMMU_IOMMU);
        var device = fake.AddDevice(Group, Name, new FakeDevice { Flags = VfioConstants.VFIO_DEVICE_FLAGS_AMBA | VfioConstants.VFIO_DEVICE_FLAGS_RESET });
        var region = new FakeRegion(VfioConstants.VFIO_REGION_INFO_FLAG_READ | VfioConstants.VFIO_REGION_INFO_FLAG_WRITE | VfioConstants.VFIO_REGION_INFO_FLAG_MMAP, 0x1000);
        BitConverter.GetBytes(0x00041031u).CopyTo(region.Backing, 0xfe0);
        device.Regions.Add(region);
        device.Irqs.Add((VfioConstants.VFIO_IRQ_INFO_EVENTFD | VfioConstants.VFIO_IRQ_INFO_MASKABLE | VfioConstants.VFIO_IRQ_INFO_AUTOMASKED, 1));
        return (fake, device);
    }

    /// <summary>Container + group + device, IOMMU set, as a case would open them.</summary>
    public static (VfioContainer Container, VfioGroup Group, VfioDevice Device) Open(FakeVfioSyscalls fake, VfioExtension iommu = VfioExtension.NoIommu)
    {
        var container = VfioContainer.Open(fake);
        var group = VfioGroup.Open(Group, fake);
        group.SetContainer(container);
        container.SetIommu(iommu);
        return (container, group, group.OpenDevice(Name));
    }

    public static byte[] U32s(params uint[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();

    public static byte[] U64s(params ulong[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();
}
