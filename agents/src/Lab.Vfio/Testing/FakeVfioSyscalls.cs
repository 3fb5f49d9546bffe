using System.Runtime.InteropServices;
using System.Text;
using Lab.Vfio.Interop;
using Lab.Vfio.Polyfills;

namespace Lab.Vfio.Testing;

/// <summary>
/// An in-memory kernel for unit tests of the VFIO logic. It follows the kernel's rules where the logic depends
/// on them: minimum argsz (EINVAL below it), capability chains placed after the kernel's own struct size with
/// argsz raised (and cap_offset 0) when they do not fit, SET_IRQS validation, group/container/IOMMU ordering,
/// region offsets at <c>index &lt;&lt; 40</c>. <see cref="FailNext"/> injects any errno into any operation.
/// </summary>
public sealed unsafe class FakeVfioSyscalls : IVfioSyscalls, IDisposable
{
    /// <summary>Region offsets within the device fd, as vfio-platform and vfio-pci encode them.</summary>
    public const int RegionShift = 40;

    private readonly Dictionary<int, object> _fds = [];
    private readonly Dictionary<nint, (ulong Length, FakeRegion? Region, ulong Offset, nint Raw)> _maps = [];
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private int _nextFd = 3;

    /// <inheritdoc/>
    public long PageSize { get; set; } = 4096;

    /// <summary>Groups by path, each with its devices by name.</summary>
    public Dictionary<string, Dictionary<string, FakeDevice>> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>Extensions <c>VFIO_CHECK_EXTENSION</c> reports (as 6.1's type1 does: nesting too, until 6.13 reserved it).</summary>
    public HashSet<uint> Extensions { get; } = [VfioConstants.VFIO_TYPE1v2_IOMMU, VfioConstants.VFIO_TYPE1_IOMMU, VfioConstants.VFIO_TYPE1_NESTING_IOMMU];

    /// <summary>Type1 IOMMU page-size bitmap.</summary>
    public ulong IovaPageSizes { get; set; } = 0x40201000;

    /// <summary>Type1 IOMMU capabilities.</summary>
    public List<FakeCapability> IommuCapabilities { get; } = [];

    /// <summary>The IOMMU type last set on a container, 0 for none.</summary>
    public uint Iommu { get; private set; }

    /// <summary>Live DMA mappings: iova to (vaddr, size).</summary>
    public Dictionary<ulong, (ulong Vaddr, ulong Size)> DmaMappings { get; } = [];

    /// <summary>Every accepted SET_IRQS.</summary>
    public List<FakeIrqSet> IrqSets { get; } = [];

    /// <summary>The eventfd counters bound by TRIGGER, by (index, sub-index): fire one with <see cref="FireIrq"/>.</summary>
    public Dictionary<(uint Index, uint Sub), int> Triggers { get; } = [];

    /// <summary>The pagemap entry for a virtual page number (default: present, PFN = vpn + 0x80000).</summary>
    public Func<ulong, ulong> Pagemap { get; set; } = vpn => Lab.Vfio.Pagemap.PresentBit | (vpn + 0x80000);

    /// <summary>Lines <c>/dev/kmsg</c> hands out, each one record.</summary>
    public Queue<string> Kmsg { get; } = new();

    /// <summary>Other files (sysfs attributes, device-tree properties) by path: opened read-only, read from the start.</summary>
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Every operation in order (<c>ioctl VFIO_SET_IOMMU</c>, <c>mmap</c>, ...).</summary>
    public List<string> Calls { get; } = [];

    /// <summary>Open fds (tests check it drops to 0 after disposing everything).</summary>
    public int OpenFdCount => _fds.Count;

    /// <summary>Live mappings.</summary>
    public int MappingCount => _maps.Count;

    /// <summary>Locked bytes.</summary>
    public long LockedBytes { get; private set; }

    /// <summary>Makes the next call of <paramref name="operation"/> (e.g. <c>VFIO_SET_IOMMU</c>, <c>mmap</c>) fail with <paramref name="errno"/>.</summary>
    public void FailNext(string operation, int errno) => _failures[operation] = errno;

    /// <summary>Signals the eventfd bound to (index, sub) as the kernel's IRQ handler would.</summary>
    public void FireIrq(uint index, uint sub = 0)
    {
        if (Triggers.TryGetValue((index, sub), out var fd) && _fds.TryGetValue(fd, out var o) && o is EventCounter e) { e.Value++; }
    }

    /// <summary>IRQs masked by ACTION_MASK or by automasking, as (index, sub-IRQ).</summary>
    public HashSet<(uint Index, uint Sub)> Masked { get; } = [];

    /// <summary>Adds a device to a group, creating the group.</summary>
    public FakeDevice AddDevice(string groupPath, string name, FakeDevice device)
    {
        if (!Groups.TryGetValue(groupPath, out var devices)) { Groups[groupPath] = devices = new(StringComparer.Ordinal); }
        devices[name] = device;
        return device;
    }

    /// <inheritdoc/>
    public int Open<T>(string path, int flags, out T handle)
        where T : FdHandle, new()
    {
        handle = new T();
        if (Fail("open " + path, out var e)) { return e; }
        object? file = path switch
        {
            VfioContainer.DefaultPath when handle is ContainerFd => new ContainerState(),
            _ when handle is GroupFd && Groups.ContainsKey(path) => new GroupState(path),
            "/proc/self/pagemap" when handle is FileFd => "pagemap",
            "/dev/kmsg" when handle is FileFd => "kmsg",
            _ when handle is FileFd && Files.TryGetValue(path, out var bytes) => new FileContent(bytes),
            _ => null,
        };
        if (file is null) { return -Errno.ENOENT; }
        handle.Attach(this, Add(file));
        return 0;
    }

    /// <inheritdoc/>
    public int Close(int fd)
    {
        Calls.Add("close");
        if (_fds.TryGetValue(fd, out var o) && o is GroupState g && g.Container is { } c) { c.Groups--; }
        return _fds.Remove(fd) ? 0 : -Errno.EBADF;
    }

    /// <inheritdoc/>
    public int Ioctl(ContainerFd fd, VfioContainerIoctl request, nint arg)
    {
        if (Fail(request.ToString(), out var e)) { return e; }
        if (Get(fd) is not ContainerState c) { return -Errno.EBADF; }
        switch (request)
        {
            case VfioContainerIoctl.VFIO_GET_API_VERSION:
                return (int)VfioConstants.VFIO_API_VERSION;
            case VfioContainerIoctl.VFIO_CHECK_EXTENSION:
                return Extensions.Contains((uint)arg) ? 1 : 0;
            case VfioContainerIoctl.VFIO_SET_IOMMU:
                // As container.c: no group or IOMMU already set -> EINVAL; no driver offers the type -> ENODEV.
                if (c.Groups == 0 || c.Iommu != 0) { return -Errno.EINVAL; }
                if (!Extensions.Contains((uint)arg)) { return -Errno.ENODEV; }
                Iommu = c.Iommu = (uint)arg;
                return 0;
            case VfioContainerIoctl.VFIO_IOMMU_GET_INFO:
                if (!c.IsType1) { return -Errno.ENOTTY; }
                var info = new vfio_iommu_type1_info { flags = VfioConstants.VFIO_IOMMU_INFO_PGSIZES, iova_pgsizes = IovaPageSizes };
                return FillInfo(arg, 16, 24, info, IommuCapabilities, VfioConstants.VFIO_IOMMU_INFO_CAPS, 16);
            case VfioContainerIoctl.VFIO_IOMMU_MAP_DMA:
                if (!c.IsType1) { return -Errno.ENOTTY; }
                var map = *(vfio_iommu_type1_dma_map*)arg;
                if (map.argsz < sizeof(vfio_iommu_type1_dma_map) || map.size == 0 || map.iova % (ulong)PageSize != 0) { return -Errno.EINVAL; }
                if (DmaMappings.Any(m => map.iova < m.Key + m.Value.Size && m.Key < map.iova + map.size)) { return -Errno.EEXIST; }
                DmaMappings[map.iova] = (map.vaddr, map.size);
                return 0;
            case VfioContainerIoctl.VFIO_IOMMU_UNMAP_DMA:
                if (!c.IsType1) { return -Errno.ENOTTY; }
                var unmap = (vfio_iommu_type1_dma_unmap*)arg;
                if (unmap->argsz < sizeof(vfio_iommu_type1_dma_unmap)) { return -Errno.EINVAL; }
                var hit = DmaMappings.TryGetValue(unmap->iova, out var m2) && m2.Size == unmap->size;
                if (hit) { DmaMappings.Remove(unmap->iova); }
                unmap->size = hit ? m2.Size : 0;
                return 0;
            default:
                return -Errno.ENOTTY;
        }
    }

    /// <inheritdoc/>
    public int Ioctl(GroupFd fd, VfioGroupIoctl request, nint arg)
    {
        if (Fail(request.ToString(), out var e)) { return e; }
        if (Get(fd) is not GroupState g) { return -Errno.EBADF; }
        switch (request)
        {
            case VfioGroupIoctl.VFIO_GROUP_GET_STATUS:
                var s = (vfio_group_status*)arg;
                if (s->argsz < sizeof(vfio_group_status)) { return -Errno.EINVAL; }
                s->flags = VfioConstants.VFIO_GROUP_FLAGS_VIABLE | (g.Container is null ? 0 : VfioConstants.VFIO_GROUP_FLAGS_CONTAINER_SET);
                return 0;
            case VfioGroupIoctl.VFIO_GROUP_SET_CONTAINER:
                if (g.Container is not null) { return -Errno.EINVAL; }
                if (!_fds.TryGetValue(*(int*)arg, out var c)) { return -Errno.EBADF; }
                if (c is not ContainerState cs) { return -Errno.EINVAL; }
                g.Container = cs;
                cs.Groups++;
                return 0;
            case VfioGroupIoctl.VFIO_GROUP_UNSET_CONTAINER:
                if (g.Container is null) { return -Errno.EINVAL; }
                if (g.DeviceFds.Any(_fds.ContainsKey)) { return -Errno.EBUSY; }
                g.Container.Groups--;
                g.Container = null;
                return 0;
            default:
                return -Errno.ENOTTY;
        }
    }

    /// <inheritdoc/>
    public int Ioctl(DeviceFd fd, VfioDeviceIoctl request, nint arg)
    {
        if (Fail(request.ToString(), out var e)) { return e; }
        if (Get(fd) is not FakeDevice d) { return -Errno.EBADF; }
        switch (request)
        {
            case VfioDeviceIoctl.VFIO_DEVICE_GET_INFO:
                var info = new vfio_device_info { flags = d.Flags, num_regions = (uint)d.Regions.Count, num_irqs = (uint)d.Irqs.Count };
                return FillInfo(arg, 16, d.KernelInfoSize, info, d.Capabilities, VfioConstants.VFIO_DEVICE_FLAGS_CAPS, 16);
            case VfioDeviceIoctl.VFIO_DEVICE_GET_REGION_INFO:
                var ri = (vfio_region_info*)arg;
                if (ri->argsz < sizeof(vfio_region_info)) { return -Errno.EINVAL; }
                if (ri->index >= d.Regions.Count) { return -Errno.EINVAL; }
                var r = d.Regions[(int)ri->index];
                var region = new vfio_region_info { index = ri->index, flags = r.Flags, size = r.Size, offset = (ulong)ri->index << RegionShift };
                return FillInfo(arg, 32, sizeof(vfio_region_info), region, r.Capabilities, VfioConstants.VFIO_REGION_INFO_FLAG_CAPS, 12);
            case VfioDeviceIoctl.VFIO_DEVICE_GET_IRQ_INFO:
                var ii = (vfio_irq_info*)arg;
                if (ii->argsz < sizeof(vfio_irq_info) || ii->index >= d.Irqs.Count) { return -Errno.EINVAL; }
                ii->flags = d.Irqs[(int)ii->index].Flags;
                ii->count = d.Irqs[(int)ii->index].Count;
                return 0;
            case VfioDeviceIoctl.VFIO_DEVICE_SET_IRQS:
                return SetIrqs(d, arg);
            case VfioDeviceIoctl.VFIO_DEVICE_RESET:
                if ((d.Flags & VfioConstants.VFIO_DEVICE_FLAGS_RESET) == 0) { return -Errno.EINVAL; }
                d.Resets++;
                return 0;
            case VfioDeviceIoctl.VFIO_DEVICE_GET_PCI_HOT_RESET_INFO:
                // As vfio_pci_core: argsz below the header -> EINVAL; no room for every device -> count set, ENOSPC.
                if (d.HotResetDependents is not { } deps) { return -Errno.ENOTTY; }
                var h = (vfio_pci_hot_reset_info*)arg;
                if (h->argsz < sizeof(vfio_pci_hot_reset_info)) { return -Errno.EINVAL; }
                h->flags = 0;
                h->count = (uint)deps.Count;
                if (h->argsz < sizeof(vfio_pci_hot_reset_info) + (deps.Count * sizeof(vfio_pci_dependent_device))) { return -Errno.ENOSPC; }
                var entries = (vfio_pci_dependent_device*)(arg + sizeof(vfio_pci_hot_reset_info));
                for (var k = 0; k < deps.Count; k++)
                {
                    entries[k] = new vfio_pci_dependent_device { group_id = deps[k].GroupId, segment = deps[k].Segment, bus = deps[k].Bus, devfn = deps[k].Devfn };
                }

                return 0;
            case VfioDeviceIoctl.VFIO_DEVICE_FEATURE:
                // As vfio_main.c: argsz below the header, unknown flag bits, GET|SET without PROBE -> EINVAL; the fake
                // device has no feature -> ENOTTY.
                var f = (vfio_device_feature*)arg;
                const uint known = VfioConstants.VFIO_DEVICE_FEATURE_MASK | VfioConstants.VFIO_DEVICE_FEATURE_GET |
                    VfioConstants.VFIO_DEVICE_FEATURE_SET | VfioConstants.VFIO_DEVICE_FEATURE_PROBE;
                const uint getSet = VfioConstants.VFIO_DEVICE_FEATURE_GET | VfioConstants.VFIO_DEVICE_FEATURE_SET;
                if (f->argsz < sizeof(vfio_device_feature) || (f->flags & ~known) != 0 ||
                    ((f->flags & VfioConstants.VFIO_DEVICE_FEATURE_PROBE) == 0 && (f->flags & getSet) == getSet))
                {
                    return -Errno.EINVAL;
                }

                return -Errno.ENOTTY;
            default:
                return -Errno.ENOTTY;
        }
    }

    /// <inheritdoc/>
    public int GetDeviceFd(GroupFd group, string name, out DeviceFd device)
    {
        device = new DeviceFd();
        if (Fail(nameof(VfioGroupIoctl.VFIO_GROUP_GET_DEVICE_FD), out var e)) { return e; }
        if (Get(group) is not GroupState g) { return -Errno.EBADF; }
        if (g.Container is null || g.Container.Iommu == 0) { return -Errno.EINVAL; }
        if (!Groups[g.Path].TryGetValue(name, out var d)) { return -Errno.ENODEV; }
        var fd = Add(d);
        g.DeviceFds.Add(fd);
        device.Attach(this, fd);
        return 0;
    }

    /// <inheritdoc/>
    public long PRead(FdHandle fd, void* buffer, nuint count, long offset)
    {
        if (Fail("pread", out var e)) { return e; }
        var o = Get(fd);
        if (o is string s && s == "pagemap")
        {
            if (count != 8 || offset % 8 != 0) { return -Errno.EINVAL; }
            *(ulong*)buffer = Pagemap((ulong)offset / 8);
            return 8;
        }

        if (o is not FakeDevice d || !LocateRw(d, offset, ref count, VfioConstants.VFIO_REGION_INFO_FLAG_READ, out var r, out var at)) { return -Errno.EINVAL; }
        new Span<byte>(r.Backing, at, (int)count).CopyTo(new Span<byte>(buffer, (int)count));
        return (long)count;
    }

    /// <inheritdoc/>
    public long PWrite(FdHandle fd, void* buffer, nuint count, long offset)
    {
        if (Fail("pwrite", out var e)) { return e; }
        if (Get(fd) is not FakeDevice d || !LocateRw(d, offset, ref count, VfioConstants.VFIO_REGION_INFO_FLAG_WRITE, out var r, out var at)) { return -Errno.EINVAL; }
        new Span<byte>(buffer, (int)count).CopyTo(new Span<byte>(r.Backing, at, (int)count));
        return (long)count;
    }

    /// <inheritdoc/>
    public long Read(FdHandle fd, void* buffer, nuint count)
    {
        if (Fail("read", out var e)) { return e; }
        switch (Get(fd))
        {
            case EventCounter c:
                if (count < 8) { return -Errno.EINVAL; }
                if (c.Value == 0) { return -Errno.EAGAIN; }
                *(ulong*)buffer = c.Value;
                c.Value = 0;
                return 8;
            case "kmsg":
                if (Kmsg.Count == 0) { return -Errno.EAGAIN; }
                var bytes = Encoding.UTF8.GetBytes(Kmsg.Dequeue());
                var n = Math.Min(bytes.Length, (int)count);
                new Span<byte>(bytes, 0, n).CopyTo(new Span<byte>(buffer, n));
                return n;
            case FileContent f:
                var take = Math.Min(f.Bytes.Length - f.Position, (int)Math.Min(count, int.MaxValue));
                new Span<byte>(f.Bytes, f.Position, take).CopyTo(new Span<byte>(buffer, take));
                f.Position += take;
                return take;
            default:
                return -Errno.EINVAL;
        }
    }

    /// <inheritdoc/>
    public long Write(FdHandle fd, void* buffer, nuint count)
    {
        if (Fail("write", out var e)) { return e; }
        if (Get(fd) is not EventCounter c || count < 8) { return -Errno.EINVAL; }
        c.Value += *(ulong*)buffer;
        return 8;
    }

    /// <inheritdoc/>
    public long Seek(FdHandle fd, long offset, int whence) => Get(fd) is null ? -Errno.EBADF : 0;

    /// <inheritdoc/>
    public int Mmap(FdHandle? fd, nuint length, int prot, int flags, long offset, out nint address)
    {
        address = 0;
        Calls.Add("mmap");
        if (Fail("mmap", out var e)) { return e; }
        if (length == 0 || offset % PageSize != 0 || (long)length % PageSize != 0) { return -Errno.EINVAL; }
        FakeRegion? region = null;
        var at = 0;
        if (fd is not null)
        {
            // As vfio-platform/vfio-pci: a device mapping must be MAP_SHARED (VM_SHARED), inside an MMAP region.
            if ((flags & LibcConstants.MAP_SHARED) == 0) { return -Errno.EINVAL; }
            if (Get(fd) is not FakeDevice d || !Locate(d, offset, length, VfioConstants.VFIO_REGION_INFO_FLAG_MMAP, out region, out at)) { return -Errno.EINVAL; }
        }

        // Page-aligned like a real mmap: over-allocate and align, remember the raw block for FreeHGlobal.
        var raw = Marshal.AllocHGlobal((nint)((long)length + PageSize));
        address = (nint)(((long)raw + PageSize - 1) / PageSize * PageSize);
        var span = new Span<byte>((void*)address, (int)length);
        span.Clear();
        region?.Backing.AsSpan(at, (int)length).CopyTo(span);
        _maps[address] = ((ulong)length, region, (ulong)at, raw);
        return 0;
    }

    /// <inheritdoc/>
    public int Munmap(nint address, nuint length)
    {
        Calls.Add("munmap");
        if (!_maps.TryGetValue(address, out var m) || m.Length != length) { return -Errno.EINVAL; }
        // Writes through the mapping land in the region, as on a real device.
        if (m.Region is { } region)
        {
            new Span<byte>((void*)address, (int)length).CopyTo(region.Backing.AsSpan((int)m.Offset, (int)length));
        }

        Marshal.FreeHGlobal(m.Raw);
        _maps.Remove(address);
        return 0;
    }

    /// <inheritdoc/>
    public int Mlock(nint address, nuint length)
    {
        if (Fail("mlock", out var e)) { return e; }
        LockedBytes += (long)length;
        return 0;
    }

    /// <inheritdoc/>
    public int Munlock(nint address, nuint length)
    {
        LockedBytes -= (long)length;
        return 0;
    }

    /// <inheritdoc/>
    public int CreateEventfd(uint initialValue, int flags, out EventFdHandle handle)
    {
        handle = new EventFdHandle();
        if (Fail("eventfd", out var e)) { return e; }
        handle.Attach(this, Add(new EventCounter { Value = initialValue }));
        return 0;
    }

    /// <inheritdoc/>
    public int Poll(FdHandle fd, short events, int timeoutMs, out short revents)
    {
        revents = 0;
        if (Get(fd) is not EventCounter c) { return -Errno.EBADF; }
        if (c.Value == 0) { return 0; }
        revents = LibcConstants.POLLIN;
        return 1;
    }

    /// <summary>Frees mappings a test leaked.</summary>
    public void Dispose()
    {
        foreach (var m in _maps.Values) { Marshal.FreeHGlobal(m.Raw); }
        _maps.Clear();
    }

    private int Add(object file)
    {
        var fd = _nextFd++;
        _fds[fd] = file;
        return fd;
    }

    private object? Get(FdHandle fd) => !fd.IsInvalid && !fd.IsClosed && _fds.TryGetValue(fd.FdNumber, out var o) ? o : null;

    private bool Fail(string operation, out int result)
    {
        Calls.Add(operation);
        result = 0;
        if (!_failures.TryGetValue(operation, out var errno)) { return false; }
        _failures.Remove(operation);
        result = -errno;
        return true;
    }

    private static bool Locate(FakeDevice d, long offset, nuint count, uint need, out FakeRegion region, out int at)
    {
        var index = (int)(offset >> RegionShift);
        at = (int)(offset & ((1L << RegionShift) - 1));
        region = index < d.Regions.Count ? d.Regions[index] : null!;
        return region is not null && (region.Flags & need) != 0 && (ulong)at + count <= region.Size;
    }

    // As vfio-platform's rw (with the 6.1.y bounds fix) and vfio-pci's BARs: a start at or past the size is EINVAL, an
    // access straddling the end is clipped to the region (a short count).
    private static bool LocateRw(FakeDevice d, long offset, ref nuint count, uint need, out FakeRegion region, out int at)
    {
        var index = (int)(offset >> RegionShift);
        at = (int)(offset & ((1L << RegionShift) - 1));
        region = index < d.Regions.Count ? d.Regions[index] : null!;
        if (region is null || (region.Flags & need) == 0 || (ulong)at >= region.Size) { return false; }
        count = (nuint)Math.Min((ulong)count, region.Size - (ulong)at);
        return true;
    }

    // The kernel's pattern: argsz below minsz is EINVAL; caps go after the kernel's struct size; when they do not
    // fit, argsz is raised to what is needed and cap_offset stays 0 (the CAPS flag is set either way).
    private static int FillInfo<T>(nint arg, int minsz, int kernelSize, T fixedPart, List<FakeCapability> caps, uint capsFlag, int capOffsetField)
        where T : struct
    {
        var argsz = *(uint*)arg;
        if (argsz < minsz) { return -Errno.EINVAL; }
        var bytes = new byte[Math.Max(kernelSize, Marshal.SizeOf<T>())];
        StructBytes.Write(bytes, fixedPart);
        BitConverterLe.WriteUInt32(bytes, 0, argsz);
        var chain = BuildChain(caps, kernelSize);
        if (caps.Count > 0)
        {
            BitConverterLe.WriteUInt32(bytes, 4, BitConverterLe.ReadUInt32(bytes, 4) | capsFlag);
            if (argsz < kernelSize + chain.Length)
            {
                BitConverterLe.WriteUInt32(bytes, 0, (uint)(kernelSize + chain.Length));
                BitConverterLe.WriteUInt32(bytes, capOffsetField, 0);
            }
            else
            {
                BitConverterLe.WriteUInt32(bytes, capOffsetField, (uint)kernelSize);
                chain.CopyTo(new Span<byte>((byte*)arg + kernelSize, chain.Length));
            }
        }

        var copy = Math.Min((int)argsz, kernelSize);
        bytes.AsSpan(0, copy).CopyTo(new Span<byte>((void*)arg, copy));
        return 0;
    }

    private static byte[] BuildChain(List<FakeCapability> caps, int baseOffset)
    {
        var chain = new List<byte>();
        for (var i = 0; i < caps.Count; i++)
        {
            var size = 8 + caps[i].Payload.Length;
            var padded = (size + 7) / 8 * 8;
            var next = i + 1 < caps.Count ? (uint)(baseOffset + chain.Count + padded) : 0;
            var header = new byte[8];
            header[0] = (byte)caps[i].Id;
            header[1] = (byte)(caps[i].Id >> 8);
            header[2] = (byte)caps[i].Version;
            header[3] = (byte)(caps[i].Version >> 8);
            BitConverterLe.WriteUInt32(header, 4, next);
            chain.AddRange(header);
            chain.AddRange(caps[i].Payload);
            chain.AddRange(new byte[padded - size]);
        }

        return [.. chain];
    }

    private int SetIrqs(FakeDevice d, nint arg)
    {
        var s = *(vfio_irq_set*)arg;
        const int minsz = 20;
        if (s.argsz < minsz || s.index >= d.Irqs.Count) { return -Errno.EINVAL; }
        var dataType = s.flags & VfioConstants.VFIO_IRQ_SET_DATA_TYPE_MASK;
        var action = s.flags & VfioConstants.VFIO_IRQ_SET_ACTION_TYPE_MASK;
        if (!IsOneBit(dataType) || !IsOneBit(action) || (s.flags & ~(VfioConstants.VFIO_IRQ_SET_DATA_TYPE_MASK | VfioConstants.VFIO_IRQ_SET_ACTION_TYPE_MASK)) != 0)
        {
            return -Errno.EINVAL;
        }

        var (irqFlags, irqCount) = d.Irqs[(int)s.index];
        if (s.start >= irqCount || s.start + s.count > irqCount)
        {
            if (!(s.count == 0 && dataType == VfioConstants.VFIO_IRQ_SET_DATA_NONE)) { return -Errno.EINVAL; }
        }

        if (action != VfioConstants.VFIO_IRQ_SET_ACTION_TRIGGER && (irqFlags & VfioConstants.VFIO_IRQ_INFO_MASKABLE) == 0) { return -Errno.EINVAL; }
        var itemSize = dataType switch
        {
            VfioConstants.VFIO_IRQ_SET_DATA_BOOL => 1,
            VfioConstants.VFIO_IRQ_SET_DATA_EVENTFD => 4,
            _ => 0,
        };
        if (s.argsz - minsz < s.count * itemSize) { return -Errno.EINVAL; }
        var data = new Span<byte>((byte*)arg + minsz, (int)(s.count * itemSize)).ToArray();
        if (dataType == VfioConstants.VFIO_IRQ_SET_DATA_EVENTFD && action == VfioConstants.VFIO_IRQ_SET_ACTION_TRIGGER)
        {
            for (uint i = 0; i < s.count; i++)
            {
                var efd = MemoryMarshal.Read<int>(data.AsSpan((int)(i * 4)));
                if (efd == -1) { Triggers.Remove((s.index, s.start + i)); continue; }
                if (!_fds.TryGetValue(efd, out var o) || o is not EventCounter) { return -Errno.EBADF; }
                Triggers[(s.index, s.start + i)] = efd;
            }
        }

        IrqSets.Add(new FakeIrqSet(s.argsz, s.flags, s.index, s.start, s.count, data));
        for (uint i = 0; i < s.count; i++)
        {
            // Loopback and masking as the kernel: DATA_NONE or DATA_BOOL(true) acts on each sub-IRQ; a masked IRQ's
            // trigger is not delivered; an AUTOMASKED one masks itself when delivered.
            if (dataType == VfioConstants.VFIO_IRQ_SET_DATA_EVENTFD || (dataType == VfioConstants.VFIO_IRQ_SET_DATA_BOOL && data[i] == 0)) { continue; }
            var key = (s.index, s.start + i);
            if (action == VfioConstants.VFIO_IRQ_SET_ACTION_MASK) { Masked.Add(key); }
            else if (action == VfioConstants.VFIO_IRQ_SET_ACTION_UNMASK) { Masked.Remove(key); }
            else if (!Masked.Contains(key))
            {
                FireIrq(key.Item1, key.Item2);
                if ((irqFlags & VfioConstants.VFIO_IRQ_INFO_AUTOMASKED) != 0) { Masked.Add(key); }
            }
        }

        if (s.count == 0 && dataType == VfioConstants.VFIO_IRQ_SET_DATA_NONE && action == VfioConstants.VFIO_IRQ_SET_ACTION_TRIGGER)
        {
            foreach (var k in Triggers.Keys.Where(k => k.Index == s.index).ToList()) { Triggers.Remove(k); }
        }

        return 0;
    }

    private static bool IsOneBit(uint v) => v != 0 && (v & (v - 1)) == 0;

    private sealed class ContainerState
    {
        public int Groups { get; set; }

        public uint Iommu { get; set; }

        public bool IsType1 => Iommu is VfioConstants.VFIO_TYPE1_IOMMU or VfioConstants.VFIO_TYPE1v2_IOMMU;
    }

    private sealed class GroupState(string path)
    {
        public string Path { get; } = path;

        public ContainerState? Container { get; set; }

        public List<int> DeviceFds { get; } = [];
    }

    private sealed class EventCounter
    {
        public ulong Value { get; set; }
    }

    private sealed class FileContent(byte[] bytes)
    {
        public byte[] Bytes { get; } = bytes;

        public int Position { get; set; }
    }
}
