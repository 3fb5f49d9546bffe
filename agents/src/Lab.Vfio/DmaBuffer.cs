using System.Globalization;
using Lab.Vfio.Interop;

using Lab.Vfio.Polyfills;

namespace Lab.Vfio;

/// <summary>
/// Page-aligned memory for device DMA: anonymous, populated and locked (so its pages neither move nor swap).
/// For no-IOMMU the device needs physical addresses: <see cref="GetPhysicalAddresses"/> reads them from
/// <c>/proc/self/pagemap</c> (root only). For type1, <see cref="MapIova"/> maps it at an IOVA. Dispose undoes
/// the IOVA mapping, the lock and the mapping, in that order.
/// </summary>
public sealed unsafe class DmaBuffer : IDisposable
{
    private readonly MappedMemory _memory;
    private readonly IVfioSyscalls _syscalls;
    private VfioContainer? _container;
    private bool _locked;

    private DmaBuffer(IVfioSyscalls syscalls, MappedMemory memory, long pageSize)
    {
        _syscalls = syscalls;
        _memory = memory;
        PageSize = pageSize;
    }

    /// <summary>The process address.</summary>
    public nint Address => _memory.Address;

    /// <summary>The process address as an unsigned 64-bit number (zero-extended: a 32-bit address above 2 GiB stays positive).</summary>
    public ulong UserAddress => (ulong)(nuint)_memory.Address;

    /// <summary>Length in bytes (a page multiple).</summary>
    public long Length => (long)_memory.ByteLength;

    /// <summary>The page size the buffer was built with.</summary>
    public long PageSize { get; }

    /// <summary>The IOVA it is mapped at, when <see cref="MapIova"/> succeeded.</summary>
    public ulong? Iova { get; private set; }

    /// <summary>The buffer's bytes.</summary>
    public Span<byte> Span
    {
        get
        {
            Disposed.ThrowIf(_memory.IsClosed, this);
            // SAFETY: the mapping is live (checked above) and Length bytes long; Length < 2 GiB is enforced at allocation.
            return new Span<byte>((void*)_memory.Address, (int)Length);
        }
    }

    /// <summary>Allocates and locks at least <paramref name="size"/> bytes (rounded up to pages).</summary>
    public static DmaBuffer Allocate(long size, IVfioSyscalls? syscalls = null)
    {
        var sys = syscalls ?? LinuxVfioSyscalls.Instance;
        var page = sys.PageSize;
        if (size <= 0 || size > int.MaxValue - page) { throw new ArgumentOutOfRangeException(nameof(size)); }
        var length = (size + page - 1) / page * page;
        var r = sys.Mmap(null, (nuint)length, LibcConstants.PROT_READ | LibcConstants.PROT_WRITE,
            LibcConstants.MAP_PRIVATE | LibcConstants.MAP_ANONYMOUS | LibcConstants.MAP_POPULATE, 0, out var address);
        if (r < 0) { throw new VfioException("mmap", -r, "length=" + length.ToString(CultureInfo.InvariantCulture)); }
        var buffer = new DmaBuffer(sys, new MappedMemory(sys, address, (ulong)length), page);
        r = sys.Mlock(address, (nuint)length);
        if (r < 0)
        {
            buffer.Dispose();
            throw new VfioException("mlock", -r, "length=" + length.ToString(CultureInfo.InvariantCulture));
        }

        buffer._locked = true;
        return buffer;
    }

    /// <summary>
    /// The physical address of each page, from <c>/proc/self/pagemap</c>. NOTE: without CAP_SYS_ADMIN the kernel
    /// reports PFN 0; that is an error here (EPERM), not an address.
    /// </summary>
    public IReadOnlyList<ulong> GetPhysicalAddresses()
    {
        var r = _syscalls.Open<FileFd>("/proc/self/pagemap", LibcConstants.O_RDONLY, out var pagemap);
        using (pagemap)
        {
            if (r < 0) { throw new VfioException("open", -r, "/proc/self/pagemap"); }
            var list = new List<ulong>();
            for (long off = 0; off < Length; off += PageSize)
            {
                var vpn = (UserAddress + (ulong)off) / (ulong)PageSize;
                ulong entry = 0;
                // SAFETY: entry is a local 8-byte buffer, the size of one pagemap entry.
                var n = _syscalls.PRead(pagemap, &entry, sizeof(ulong), (long)(vpn * sizeof(ulong)));
                if (n != sizeof(ulong)) { throw new VfioException("pread", n < 0 ? (int)-n : Errno.EIO, "/proc/self/pagemap vpn=0x" + vpn.ToString("x", CultureInfo.InvariantCulture)); }
                list.Add(Pagemap.PhysicalAddress(entry, (ulong)PageSize, UserAddress + (ulong)off));
            }

            return list;
        }
    }

    /// <summary>Maps the buffer at <paramref name="iova"/> in a type1 container (<c>VFIO_IOMMU_MAP_DMA</c>).</summary>
    public void MapIova(VfioContainer container, ulong iova, uint flags = VfioConstants.VFIO_DMA_MAP_FLAG_READ | VfioConstants.VFIO_DMA_MAP_FLAG_WRITE)
    {
        if (container is null) { throw new ArgumentNullException(nameof(container)); }
        if (Iova is not null) { throw new InvalidOperationException("already mapped"); }
        container.MapDma(UserAddress, iova, (ulong)Length, flags);
        _container = container;
        Iova = iova;
    }

    /// <summary>Unmaps the IOVA (if mapped), unlocks and unmaps the memory.</summary>
    public void Dispose()
    {
        if (_container is not null && Iova is { } iova && !_container.Handle.IsClosed)
        {
            _container.TryUnmapDma(iova, (ulong)Length, 0, out _);
        }

        _container = null;
        Iova = null;
        if (_locked && !_memory.IsClosed)
        {
            _syscalls.Munlock(_memory.Address, (nuint)Length);
            _locked = false;
        }

        _memory.Dispose();
    }
}
