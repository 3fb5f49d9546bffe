using Lab.Vfio.Interop;
using Lab.Vfio.Testing;

namespace Lab.Vfio.Tests.Wrappers;

public sealed class InfoQueryTests
{
    [TestCase(20)]
    [TestCase(24)]
    public void Device_info_is_read_from_kernels_of_every_struct_size_and_caps_fit_after_the_requery(int kernelSize)
    {
        var (fake, device) = FakeBoard.Create();
        device.KernelInfoSize = kernelSize;
        device.Capabilities.Add(new FakeCapability(1, 1, FakeBoard.U32s(0xaabbccdd, 0)));
        device.Capabilities.Add(new FakeCapability(3, 2, FakeBoard.U32s(7, 8, 9, 10)));
        var (c, g, d) = FakeBoard.Open(fake);
        var info = d.GetInfo();
        Assert.Multiple(() =>
        {
            Assert.That(info.IsAmba, Is.True);
            Assert.That(info.NumRegions, Is.EqualTo(1));
            Assert.That(info.NumIrqs, Is.EqualTo(1));
            Assert.That(info.Capabilities.Select(x => (x.Id, x.Version)), Is.EqualTo(new[] { ((ushort)1, (ushort)1), ((ushort)3, (ushort)2) }));
            Assert.That(info.Capabilities[0].Offset, Is.EqualTo(kernelSize));
            Assert.That(BitConverter.ToUInt32(info.Capabilities[0].Data, 8), Is.EqualTo(0xaabbccdd));
            // Two GET_INFO calls: the first with 24 bytes, the re-query with what the kernel asked for.
            Assert.That(fake.Calls.Count(x => x == nameof(VfioDeviceIoctl.VFIO_DEVICE_GET_INFO)), Is.EqualTo(2));
        });
        d.Dispose();
        g.Dispose();
        c.Dispose();
        Assert.That(fake.OpenFdCount, Is.Zero);
    }

    [TestCase(16, TestName = "A pre-capability kernel (16-byte info) answers in one query")]
    [TestCase(20, TestName = "Without caps one query suffices")]
    public void Without_caps_one_query_suffices(int kernelSize)
    {
        var (fake, device) = FakeBoard.Create();
        device.KernelInfoSize = kernelSize;
        var (_, _, d) = FakeBoard.Open(fake);
        Assert.That(d.GetInfo().Capabilities, Is.Empty);
        Assert.That(fake.Calls.Count(x => x == nameof(VfioDeviceIoctl.VFIO_DEVICE_GET_INFO)), Is.EqualTo(1));
    }

    [Test]
    public void Region_info_decodes_sparse_mmap_and_type_caps()
    {
        var (fake, device) = FakeBoard.Create();
        device.Regions[0].Capabilities.Add(new FakeCapability((ushort)VfioConstants.VFIO_REGION_INFO_CAP_SPARSE_MMAP, 1,
            [.. FakeBoard.U32s(2, 0), .. FakeBoard.U64s(0, 0x800, 0xc00, 0x400)]));
        device.Regions[0].Capabilities.Add(new FakeCapability((ushort)VfioConstants.VFIO_REGION_INFO_CAP_TYPE, 1, FakeBoard.U32s(VfioConstants.VFIO_REGION_TYPE_PCI_VENDOR_TYPE | 0x8086, 3)));
        var (_, _, d) = FakeBoard.Open(fake);
        var r = d.GetRegionInfo(0);
        Assert.Multiple(() =>
        {
            Assert.That(r.Size, Is.EqualTo(0x1000));
            Assert.That(r.Offset, Is.Zero);
            Assert.That(r.CanMmap, Is.True);
            Assert.That(r.SparseMmapAreas, Is.EqualTo(new[] { new VfioSparseArea(0, 0x800), new VfioSparseArea(0xc00, 0x400) }));
            Assert.That(r.RegionType, Is.EqualTo(new VfioRegionType(0x80008086, 3)));
        });
    }

    [Test]
    public void Type1_iommu_info_decodes_iova_ranges_migration_and_dma_avail()
    {
        var (fake, _) = FakeBoard.Create();
        fake.IommuCapabilities.Add(new FakeCapability((ushort)VfioConstants.VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE, 1,
            [.. FakeBoard.U32s(2, 0), .. FakeBoard.U64s(0, 0x7ffffff, 0x8100000, 0xffffffffff)]));
        fake.IommuCapabilities.Add(new FakeCapability((ushort)VfioConstants.VFIO_IOMMU_TYPE1_INFO_CAP_MIGRATION, 1,
            [.. FakeBoard.U32s(0, 0), .. FakeBoard.U64s(0x1000, 0x10000)]));
        fake.IommuCapabilities.Add(new FakeCapability((ushort)VfioConstants.VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL, 1, FakeBoard.U32s(65535, 0)));
        var (c, _, _) = FakeBoard.Open(fake, VfioExtension.Type1v2);
        var info = c.GetIommuInfo();
        Assert.Multiple(() =>
        {
            Assert.That(info.IovaPageSizes, Is.EqualTo(fake.IovaPageSizes));
            Assert.That(info.IovaRanges, Is.EqualTo(new[] { new VfioIovaRange(0, 0x7ffffff), new VfioIovaRange(0x8100000, 0xffffffffff) }));
            Assert.That(info.Migration, Is.EqualTo(new VfioIommuMigration(0, 0x1000, 0x10000)));
            Assert.That(info.DmaAvailable, Is.EqualTo(65535));
        });
    }

    [Test]
    public void A_kernel_that_keeps_asking_for_more_is_an_error_not_a_loop()
    {
        var sys = new GreedyKernel();
        var r = InfoQueryProbe.Run(sys);
        Assert.That(r, Is.EqualTo(-Errno.EOVERFLOW));
        Assert.That(sys.Calls, Is.EqualTo(4));
    }

    private sealed class GreedyKernel
    {
        public int Calls { get; private set; }

        public unsafe int Ioctl(nint arg)
        {
            Calls++;
            *(uint*)arg += 8;
            return 0;
        }
    }

    private static class InfoQueryProbe
    {
        public static int Run(GreedyKernel k) => InfoQuery.Run(default(vfio_device_info), k.Ioctl, out _);
    }
}
