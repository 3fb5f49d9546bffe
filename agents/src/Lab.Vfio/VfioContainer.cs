using System.Globalization;
using System.Runtime.InteropServices;
using Lab.Vfio.Interop;

namespace Lab.Vfio;

/// <summary>
/// A VFIO container (<c>/dev/vfio/vfio</c>): API version, extensions, the IOMMU model, and type1 DMA mappings.
/// Every call comes in a throwing form and a <c>Try</c> form returning 0 or the positive errno.
/// </summary>
public sealed unsafe class VfioContainer : IDisposable
{
    /// <summary>The container device node.</summary>
    public const string DefaultPath = "/dev/vfio/vfio";

    private VfioContainer(IVfioSyscalls syscalls, ContainerFd handle)
    {
        Syscalls = syscalls;
        Handle = handle;
    }

    /// <summary>The syscall layer this container uses.</summary>
    public IVfioSyscalls Syscalls { get; }

    internal ContainerFd Handle { get; }

    /// <summary>Opens the container; throws <see cref="VfioException"/> on failure.</summary>
    public static VfioContainer Open(IVfioSyscalls? syscalls = null, string path = DefaultPath)
    {
        var errno = TryOpen(syscalls ?? LinuxVfioSyscalls.Instance, path, out var container);
        return errno == 0 ? container! : throw new VfioException("open", errno, path);
    }

    /// <summary>Opens the container; returns 0 or the errno.</summary>
    public static int TryOpen(IVfioSyscalls syscalls, string path, out VfioContainer? container)
    {
        if (syscalls is null) { throw new ArgumentNullException(nameof(syscalls)); }
        var r = syscalls.Open<ContainerFd>(path, LibcConstants.O_RDWR, out var fd);
        container = r < 0 ? null : new VfioContainer(syscalls, fd);
        if (r < 0) { fd.Dispose(); }
        return -Math.Min(r, 0);
    }

    /// <summary><c>VFIO_GET_API_VERSION</c> (always <c>VFIO_API_VERSION</c>, 0, on a sane kernel).</summary>
    public int GetApiVersion() =>
        (int)VfioException.ThrowIfError(Syscalls.Ioctl(Handle, VfioContainerIoctl.VFIO_GET_API_VERSION, 0), nameof(VfioContainerIoctl.VFIO_GET_API_VERSION));

    /// <summary><c>VFIO_CHECK_EXTENSION</c>: whether the kernel supports <paramref name="extension"/>.</summary>
    public bool CheckExtension(VfioExtension extension)
    {
        var errno = TryCheckExtension((uint)extension, out var result);
        return errno == 0 ? result > 0 : throw new VfioException(nameof(VfioContainerIoctl.VFIO_CHECK_EXTENSION), errno, "ext=" + extension);
    }

    /// <summary><c>VFIO_CHECK_EXTENSION</c> with any id; returns 0 or the errno, the ioctl's value in <paramref name="result"/>.</summary>
    public int TryCheckExtension(uint extension, out int result)
    {
        var r = Syscalls.Ioctl(Handle, VfioContainerIoctl.VFIO_CHECK_EXTENSION, (nint)extension);
        result = Math.Max(r, 0);
        return -Math.Min(r, 0);
    }

    /// <summary><c>VFIO_SET_IOMMU</c>: needs a group attached first.</summary>
    public void SetIommu(VfioExtension type)
    {
        var errno = TrySetIommu((uint)type);
        if (errno != 0) { throw new VfioException(nameof(VfioContainerIoctl.VFIO_SET_IOMMU), errno, "type=" + type); }
    }

    /// <summary><c>VFIO_SET_IOMMU</c> with any type id; returns 0 or the errno.</summary>
    public int TrySetIommu(uint type) => -Math.Min(Syscalls.Ioctl(Handle, VfioContainerIoctl.VFIO_SET_IOMMU, (nint)type), 0);

    /// <summary><c>VFIO_IOMMU_GET_INFO</c> (type1), re-querying with the argsz the kernel asks for.</summary>
    public VfioIommuInfo GetIommuInfo()
    {
        var errno = TryGetIommuInfo(out var info);
        return errno == 0 ? info! : throw new VfioException(nameof(VfioContainerIoctl.VFIO_IOMMU_GET_INFO), errno);
    }

    /// <summary><c>VFIO_IOMMU_GET_INFO</c>; returns 0 or the errno.</summary>
    public int TryGetIommuInfo(out VfioIommuInfo? info)
    {
        info = null;
        var r = InfoQuery.Run(default(vfio_iommu_type1_info), arg => Syscalls.Ioctl(Handle, VfioContainerIoctl.VFIO_IOMMU_GET_INFO, arg), out var buffer);
        if (r < 0) { return -r; }
        var raw = MemoryMarshal.Read<vfio_iommu_type1_info>(buffer);
        var caps = (raw.flags & VfioConstants.VFIO_IOMMU_INFO_CAPS) != 0
            ? CapabilityChain.Walk(buffer, raw.cap_offset, (int)Marshal.OffsetOf<vfio_iommu_type1_info>(nameof(vfio_iommu_type1_info.cap_offset)) + 4)
            : [];
        info = Decode(raw, caps);
        return 0;
    }

    /// <summary><c>VFIO_IOMMU_MAP_DMA</c>: maps <paramref name="size"/> bytes at process address <paramref name="vaddr"/> to <paramref name="iova"/>.</summary>
    public void MapDma(ulong vaddr, ulong iova, ulong size, uint flags = VfioConstants.VFIO_DMA_MAP_FLAG_READ | VfioConstants.VFIO_DMA_MAP_FLAG_WRITE)
    {
        var errno = TryMapDma(vaddr, iova, size, flags);
        if (errno != 0) { throw new VfioException(nameof(VfioContainerIoctl.VFIO_IOMMU_MAP_DMA), errno, Hex("iova", iova) + " " + Hex("size", size)); }
    }

    /// <summary><c>VFIO_IOMMU_MAP_DMA</c>; returns 0 or the errno.</summary>
    public int TryMapDma(ulong vaddr, ulong iova, ulong size, uint flags)
    {
        var map = new vfio_iommu_type1_dma_map
        {
            argsz = (uint)sizeof(vfio_iommu_type1_dma_map),
            flags = flags,
            vaddr = vaddr,
            iova = iova,
            size = size,
        };
        // SAFETY: map is a local that outlives the synchronous ioctl.
        return -Math.Min(Syscalls.Ioctl(Handle, VfioContainerIoctl.VFIO_IOMMU_MAP_DMA, (nint)(&map)), 0);
    }

    /// <summary><c>VFIO_IOMMU_UNMAP_DMA</c>; returns the bytes the kernel unmapped.</summary>
    public ulong UnmapDma(ulong iova, ulong size, uint flags = 0)
    {
        var errno = TryUnmapDma(iova, size, flags, out var unmapped);
        return errno == 0 ? unmapped : throw new VfioException(nameof(VfioContainerIoctl.VFIO_IOMMU_UNMAP_DMA), errno, Hex("iova", iova) + " " + Hex("size", size));
    }

    /// <summary><c>VFIO_IOMMU_UNMAP_DMA</c>; returns 0 or the errno, the bytes unmapped in <paramref name="unmapped"/>.</summary>
    public int TryUnmapDma(ulong iova, ulong size, uint flags, out ulong unmapped)
    {
        var unmap = new vfio_iommu_type1_dma_unmap
        {
            argsz = (uint)sizeof(vfio_iommu_type1_dma_unmap),
            flags = flags,
            iova = iova,
            size = size,
        };
        // SAFETY: unmap is a local that outlives the synchronous ioctl; the kernel writes size back into it.
        var r = Syscalls.Ioctl(Handle, VfioContainerIoctl.VFIO_IOMMU_UNMAP_DMA, (nint)(&unmap));
        unmapped = r < 0 ? 0 : unmap.size;
        return -Math.Min(r, 0);
    }

    /// <summary>Closes the container fd.</summary>
    public void Dispose() => Handle.Dispose();

    internal static string Hex(string name, ulong value) => name + "=0x" + value.ToString("x", CultureInfo.InvariantCulture);

    private static VfioIommuInfo Decode(vfio_iommu_type1_info raw, IReadOnlyList<VfioCapability> caps)
    {
        IReadOnlyList<VfioIovaRange>? ranges = null;
        VfioIommuMigration? migration = null;
        uint? avail = null;
        foreach (var cap in caps)
        {
            switch (cap.Id)
            {
                case (ushort)VfioConstants.VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE:
                    var head = CapabilityChain.Read<vfio_iommu_type1_info_cap_iova_range>(cap);
                    ranges = CapabilityChain.ReadArray<vfio_iommu_type1_info_cap_iova_range, vfio_iova_range>(cap, head.nr_iovas)
                        .Select(r => new VfioIovaRange(r.start, r.end)).ToList();
                    break;
                case (ushort)VfioConstants.VFIO_IOMMU_TYPE1_INFO_CAP_MIGRATION:
                    var m = CapabilityChain.Read<vfio_iommu_type1_info_cap_migration>(cap);
                    migration = new VfioIommuMigration(m.flags, m.pgsize_bitmap, m.max_dirty_bitmap_size);
                    break;
                case (ushort)VfioConstants.VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL:
                    avail = CapabilityChain.Read<vfio_iommu_type1_info_dma_avail>(cap).avail;
                    break;
                default:
                    break;
            }
        }

        return new VfioIommuInfo(raw.flags, raw.iova_pgsizes, caps) { IovaRanges = ranges, Migration = migration, DmaAvailable = avail };
    }
}
