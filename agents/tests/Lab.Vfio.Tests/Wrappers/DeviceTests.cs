using Lab.Vfio.Interop;
using Lab.Vfio.Testing;

namespace Lab.Vfio.Tests.Wrappers;

public sealed class DeviceTests
{
    [Test]
    public void Irq_set_buffers_have_the_header_then_the_data_and_argsz_covers_both()
    {
        var b = IrqSetBuffer.Build(VfioConstants.VFIO_IRQ_SET_DATA_EVENTFD | VfioConstants.VFIO_IRQ_SET_ACTION_TRIGGER, 1, 2, 2, FakeBoard.U32s(7, 0xffffffff));
        Assert.That(b, Is.EqualTo(FakeBoard.U32s(28, 0x24, 1, 2, 2, 7, 0xffffffff)));
    }

    [Test]
    public void Trigger_with_an_eventfd_then_the_irq_arrives_and_unmask_uses_data_none()
    {
        var (fake, _) = FakeBoard.Create();
        var (_, _, d) = FakeBoard.Open(fake);
        using var e = Eventfd.Create(fake);
        d.SetIrqsEventfd(0, VfioIrqAction.Trigger, 0, [e]);
        Assert.That(e.Wait(TimeSpan.FromMilliseconds(10)), Is.False);
        fake.FireIrq(0);
        Assert.That(e.Wait(TimeSpan.FromMilliseconds(10)), Is.True);
        Assert.That(e.Read(), Is.EqualTo(1));
        Assert.That(e.TryRead(out _), Is.EqualTo(Errno.EAGAIN));
        d.SetIrqsNone(0, VfioIrqAction.Unmask);
        d.SetIrqsBool(0, VfioIrqAction.Mask, 0, [true]);
        d.DisableIrqs(0);
        Assert.That(fake.IrqSets.Select(s => (s.Flags, s.Count, s.Argsz)), Is.EqualTo(new[]
        {
            (VfioConstants.VFIO_IRQ_SET_DATA_EVENTFD | VfioConstants.VFIO_IRQ_SET_ACTION_TRIGGER, 1u, 24u),
            (VfioConstants.VFIO_IRQ_SET_DATA_NONE | VfioConstants.VFIO_IRQ_SET_ACTION_UNMASK, 1u, 20u),
            (VfioConstants.VFIO_IRQ_SET_DATA_BOOL | VfioConstants.VFIO_IRQ_SET_ACTION_MASK, 1u, 21u),
            (VfioConstants.VFIO_IRQ_SET_DATA_NONE | VfioConstants.VFIO_IRQ_SET_ACTION_TRIGGER, 0u, 20u),
        }));
        Assert.That(fake.IrqSets[0].Data, Is.EqualTo(BitConverter.GetBytes(e.Handle.FdNumber)));
        Assert.That(fake.IrqSets[2].Data, Is.EqualTo(new byte[] { 1 }));
    }

    [Test]
    public void Negative_calls_return_the_errno_and_throwing_calls_name_ioctl_errno_and_argument()
    {
        var (fake, _) = FakeBoard.Create();
        var (_, _, d) = FakeBoard.Open(fake);
        Assert.That(d.TryGetRegionInfo(5, out var info), Is.EqualTo(Errno.EINVAL));
        Assert.That(info, Is.Null);
        var ex = Assert.Throws<VfioException>(() => d.GetIrqInfo(9))!;
        Assert.That(ex.Errno, Is.EqualTo(Errno.EINVAL));
        Assert.That(ex.Message, Is.EqualTo("VFIO_DEVICE_GET_IRQ_INFO(index=9) failed: errno 22 EINVAL"));
        Assert.That(d.TrySetIrqsRaw(VfioConstants.VFIO_IRQ_SET_DATA_NONE | VfioConstants.VFIO_IRQ_SET_DATA_BOOL | VfioConstants.VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, 1, default), Is.EqualTo(Errno.EINVAL));
        fake.FailNext(nameof(VfioDeviceIoctl.VFIO_DEVICE_RESET), Errno.EBUSY);
        Assert.That(d.TryReset(), Is.EqualTo(Errno.EBUSY));
        d.Reset();
        Assert.That(Errno.Name(Errno.ENOTTY), Is.EqualTo("ENOTTY"));
    }

    [Test]
    public void Region_pread_pwrite_are_width_explicit_and_bounds_checked()
    {
        var (fake, dev) = FakeBoard.Create();
        var (_, _, d) = FakeBoard.Open(fake);
        var r = d.OpenRegion(0);
        Assert.That(r.Read32(0xfe0), Is.EqualTo(0x00041031));
        Assert.That(r.Read8(0xfe0), Is.EqualTo(0x31));
        Assert.That(r.Read16(0xfe0), Is.EqualTo(0x1031));
        r.Write64(0x10, 0x1122334455667788);
        r.Write16(0x20, 0xbeef);
        Assert.That(BitConverter.ToUInt64(dev.Regions[0].Backing, 0x10), Is.EqualTo(0x1122334455667788));
        Assert.That(BitConverter.ToUInt32(dev.Regions[0].Backing, 0x20), Is.EqualTo(0xbeef));
        Assert.That(() => r.Read32(0xffe), Throws.TypeOf<ArgumentOutOfRangeException>());
        // The kernel clips a read straddling the end (measured on 6.1 vfio-platform/amba/pci BARs): a short count.
        Assert.That(r.TryRead(0xffe, new byte[4]), Is.EqualTo(Errno.EIO), "unchecked read goes to the kernel, short is EIO");
        Assert.That(r.PRead(0xffe, new byte[4]), Is.EqualTo(2), "PRead shows the short count");
        Assert.That(r.PRead(0x1000, new byte[4]), Is.EqualTo(-Errno.EINVAL), "a start at the size is refused");
    }

    [Test]
    public void Mmio_views_are_bounds_and_alignment_checked_and_unmapped_on_dispose()
    {
        var (fake, dev) = FakeBoard.Create();
        var (_, _, d) = FakeBoard.Open(fake);
        var r = d.OpenRegion(0);
        using (var view = r.Map())
        {
            Assert.That(view.ReadUInt32(0xfe0), Is.EqualTo(0x00041031));
            view.WriteUInt32(0x8, 0xcafef00d);
            Assert.That(() => view.ReadUInt32(0x1000), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => view.ReadUInt32(0x2), Throws.ArgumentException);
            Assert.That(fake.MappingCount, Is.EqualTo(1));
        }

        Assert.That(fake.MappingCount, Is.Zero);
        Assert.That(BitConverter.ToUInt32(dev.Regions[0].Backing, 8), Is.EqualTo(0xcafef00d));
        dev.Regions[0].Flags &= ~VfioConstants.VFIO_REGION_INFO_FLAG_MMAP;
        Assert.That(d.OpenRegion(0).TryMap(0, 0x1000, out var none), Is.EqualTo(Errno.EINVAL));
        Assert.That(none, Is.Null);
    }

    [Test]
    public void Group_and_container_follow_the_kernel_order()
    {
        var (fake, _) = FakeBoard.Create();
        using var c = VfioContainer.Open(fake);
        using var g = VfioGroup.Open(FakeBoard.Group, fake);
        Assert.That(c.GetApiVersion(), Is.EqualTo(VfioConstants.VFIO_API_VERSION));
        Assert.That(c.CheckExtension(VfioExtension.NoIommu), Is.True);
        Assert.That(c.CheckExtension(VfioExtension.SpaprTce), Is.False);
        Assert.That(c.TrySetIommu((uint)VfioExtension.NoIommu), Is.EqualTo(Errno.EINVAL), "no group attached yet");
        Assert.That(g.TryOpenDevice(FakeBoard.Name, out _), Is.EqualTo(Errno.EINVAL), "no container yet");
        Assert.That(g.GetStatus().ContainerSet, Is.False);
        g.SetContainer(c);
        Assert.That(g.GetStatus(), Is.EqualTo(new VfioGroupStatus(VfioConstants.VFIO_GROUP_FLAGS_VIABLE | VfioConstants.VFIO_GROUP_FLAGS_CONTAINER_SET)));
        c.SetIommu(VfioExtension.NoIommu);
        Assert.That(g.TryOpenDevice("nope", out _), Is.EqualTo(Errno.ENODEV));
        using var d = g.OpenDevice(FakeBoard.Name);
        Assert.That(VfioGroup.TryOpen(fake, "/dev/vfio/99", out _), Is.EqualTo(Errno.ENOENT));
    }

    [Test]
    public void Type1_dma_buffers_map_and_unmap_their_iova_and_noiommu_buffers_give_physical_addresses()
    {
        var (fake, _) = FakeBoard.Create();
        var (c, _, _) = FakeBoard.Open(fake, VfioExtension.Type1v2);
        using (var buf = DmaBuffer.Allocate(5000, fake))
        {
            Assert.That(buf.Length, Is.EqualTo(8192));
            Assert.That(fake.LockedBytes, Is.EqualTo(8192));
            buf.MapIova(c, 0x100000);
            Assert.That(fake.DmaMappings[0x100000], Is.EqualTo(((ulong)buf.Address, 8192UL)));
            Assert.That(c.TryMapDma((ulong)buf.Address, 0x101000, 4096, VfioConstants.VFIO_DMA_MAP_FLAG_READ), Is.EqualTo(Errno.EEXIST));
            var pa = buf.GetPhysicalAddresses();
            Assert.That(pa, Has.Count.EqualTo(2));
            Assert.That(pa[0], Is.EqualTo((((ulong)buf.Address / 4096) + 0x80000) * 4096));
        }

        Assert.That(fake.DmaMappings, Is.Empty);
        Assert.That(fake.LockedBytes, Is.Zero);
        Assert.That(fake.MappingCount, Is.Zero);
        fake.Pagemap = _ => Pagemap.PresentBit;
        using var hidden = DmaBuffer.Allocate(4096, fake);
        Assert.That(Assert.Throws<VfioException>(() => hidden.GetPhysicalAddresses())!.Errno, Is.EqualTo(Errno.EPERM));
    }

    [Test]
    public void Kernel_log_returns_the_message_of_each_new_record()
    {
        var fake = new FakeVfioSyscalls();
        using var log = KernelLog.TryOpen(fake, out var errno)!;
        Assert.That(errno, Is.Zero);
        fake.Kmsg.Enqueue("6,1234,5678,-;vfio-platform 9000000.virtio: reset\n SUBSYSTEM=platform\n");
        fake.Kmsg.Enqueue("3,1235,5679,-;arm-smmu-v3: event 0x10\n");
        Assert.That(log.ReadNew(), Is.EqualTo(new[] { "vfio-platform 9000000.virtio: reset", "arm-smmu-v3: event 0x10" }));
        Assert.That(log.ReadNew(), Is.Empty);
    }

    [Test]
    public void Feature_sends_header_then_data_and_the_kernel_s_header_checks_come_back_as_errnos()
    {
        var (fake, _) = FakeBoard.Create();
        var (_, _, d) = FakeBoard.Open(fake);
        const uint probeGet = VfioConstants.VFIO_DEVICE_FEATURE_PROBE | VfioConstants.VFIO_DEVICE_FEATURE_GET;
        Assert.That(d.TryFeature(probeGet | VfioConstants.VFIO_DEVICE_FEATURE_MIGRATION), Is.EqualTo(Errno.ENOTTY));
        Assert.That(d.TryFeature(probeGet | (1u << 20)), Is.EqualTo(Errno.EINVAL));
        Assert.That(d.TryFeature(VfioConstants.VFIO_DEVICE_FEATURE_GET | VfioConstants.VFIO_DEVICE_FEATURE_SET), Is.EqualTo(Errno.EINVAL));
        Assert.That(d.TryFeature(probeGet, new byte[8], argsz: 4), Is.EqualTo(Errno.EINVAL));
        fake.FailNext(nameof(VfioDeviceIoctl.VFIO_DEVICE_FEATURE), Errno.EFAULT);
        Assert.That(d.TryFeature(probeGet), Is.EqualTo(Errno.EFAULT));
    }

    [Test]
    public void Hot_reset_info_grows_to_the_count_the_kernel_answers_with_enospc()
    {
        var (fake, device) = FakeBoard.Create();
        var (_, _, d) = FakeBoard.Open(fake);
        Assert.That(d.TryGetPciHotResetInfo(out var none), Is.EqualTo(Errno.ENOTTY));
        Assert.That(none, Is.Null);

        device.HotResetDependents = [new(7, 0, 0, 0x08), new(7, 0, 0, 0x09), new(12, 1, 3, 0x10)];
        Assert.That(d.TryGetPciHotResetInfo(out var devices), Is.EqualTo(0));
        Assert.That(devices, Is.EqualTo(device.HotResetDependents));
        Assert.That(devices![2].ToString(), Is.EqualTo("0001:03:02.0 (group 12)"));
    }
}
