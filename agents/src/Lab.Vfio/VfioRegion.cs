using System.Globalization;

namespace Lab.Vfio;

/// <summary>
/// One device region: width-explicit reads and writes through pread/pwrite on the device fd (bounds-checked
/// against the region size), and mmap into an <see cref="MmioView"/>. <c>TryRead</c>/<c>TryWrite</c> skip the
/// bounds check, so negative tests can see what the kernel answers.
/// </summary>
public sealed unsafe class VfioRegion
{
    private readonly VfioDevice _device;

    internal VfioRegion(VfioDevice device, VfioRegionInfo info)
    {
        _device = device;
        Info = info;
    }

    /// <summary>What the kernel said about the region.</summary>
    public VfioRegionInfo Info { get; }

    /// <summary>Reads a byte at <paramref name="offset"/>.</summary>
    public byte Read8(ulong offset) => (byte)Read(offset, 1);

    /// <summary>Reads 16 bits at <paramref name="offset"/>.</summary>
    public ushort Read16(ulong offset) => (ushort)Read(offset, 2);

    /// <summary>Reads 32 bits at <paramref name="offset"/>.</summary>
    public uint Read32(ulong offset) => (uint)Read(offset, 4);

    /// <summary>Reads 64 bits at <paramref name="offset"/>.</summary>
    public ulong Read64(ulong offset) => Read(offset, 8);

    /// <summary>Writes a byte at <paramref name="offset"/>.</summary>
    public void Write8(ulong offset, byte value) => Write(offset, 1, value);

    /// <summary>Writes 16 bits at <paramref name="offset"/>.</summary>
    public void Write16(ulong offset, ushort value) => Write(offset, 2, value);

    /// <summary>Writes 32 bits at <paramref name="offset"/>.</summary>
    public void Write32(ulong offset, uint value) => Write(offset, 4, value);

    /// <summary>Writes 64 bits at <paramref name="offset"/>.</summary>
    public void Write64(ulong offset, ulong value) => Write(offset, 8, value);

    /// <summary>pread of <paramref name="destination"/>.Length bytes at a region offset, unchecked; returns 0 or the errno (EIO on a short read).</summary>
    public int TryRead(ulong offset, Span<byte> destination)
    {
        // SAFETY: destination is pinned for the call and the kernel writes at most its length.
        fixed (byte* p = destination)
        {
            var r = _device.Syscalls.PRead(_device.Handle, p, (nuint)destination.Length, (long)(Info.Offset + offset));
            return r < 0 ? (int)-r : r == destination.Length ? 0 : Errno.EIO;
        }
    }

    /// <summary>pread at a region offset, unchecked: the byte count the kernel returned (a short read shows) or -errno.</summary>
    public long PRead(ulong offset, Span<byte> destination)
    {
        // SAFETY: destination is pinned for the call and the kernel writes at most its length.
        fixed (byte* p = destination)
        {
            return _device.Syscalls.PRead(_device.Handle, p, (nuint)destination.Length, (long)(Info.Offset + offset));
        }
    }

    /// <summary>pwrite at a region offset, unchecked: the byte count the kernel returned or -errno.</summary>
    public long PWrite(ulong offset, ReadOnlySpan<byte> source)
    {
        // SAFETY: source is pinned for the call and the kernel reads at most its length.
        fixed (byte* p = source)
        {
            return _device.Syscalls.PWrite(_device.Handle, p, (nuint)source.Length, (long)(Info.Offset + offset));
        }
    }

    /// <summary>pwrite of <paramref name="source"/> at a region offset, unchecked; returns 0 or the errno (EIO on a short write).</summary>
    public int TryWrite(ulong offset, ReadOnlySpan<byte> source)
    {
        // SAFETY: source is pinned for the call and the kernel reads at most its length.
        fixed (byte* p = source)
        {
            var r = _device.Syscalls.PWrite(_device.Handle, p, (nuint)source.Length, (long)(Info.Offset + offset));
            return r < 0 ? (int)-r : r == source.Length ? 0 : Errno.EIO;
        }
    }

    /// <summary>Maps the whole region (needs <c>VFIO_REGION_INFO_FLAG_MMAP</c> and a page-multiple size).</summary>
    public MmioView Map() => Map(0, Info.Size);

    /// <summary>Maps <paramref name="length"/> bytes at region offset <paramref name="offset"/> (page aligned).</summary>
    public MmioView Map(ulong offset, ulong length)
    {
        var errno = TryMap(offset, length, out var view);
        return errno == 0 ? view! : throw new VfioException("mmap", errno, VfioContainer.Hex("region", Info.Index) + " " + VfioContainer.Hex("offset", offset) + " " + VfioContainer.Hex("length", length));
    }

    /// <summary>mmap; returns 0 or the errno. Unchecked against the region's flags, for negative tests.</summary>
    public int TryMap(ulong offset, ulong length, out MmioView? view)
    {
        view = MmioView.Map(_device.Syscalls, _device.Handle, Info.Offset + offset, offset, length, out var errno);
        if (errno != 0) { view = null; }
        return errno;
    }

    /// <summary>
    /// mmap of [offset, offset + length) of the region with explicit <paramref name="prot"/> and <paramref name="flags"/>
    /// (e.g. <c>MAP_PRIVATE</c>), for negative tests: unmaps at once on success; returns 0 or the errno.
    /// </summary>
    public int TryMapProbe(ulong offset, ulong length, int prot, int flags)
    {
        var r = _device.Syscalls.Mmap(_device.Handle, (nuint)length, prot, flags, (long)(Info.Offset + offset), out var address);
        if (r < 0) { return -r; }
        _device.Syscalls.Munmap(address, (nuint)length);
        return 0;
    }

    private ulong Read(ulong offset, int width)
    {
        Check(offset, width);
        Span<byte> b = stackalloc byte[8];
        var errno = TryRead(offset, b.Slice(0, width));
        if (errno != 0) { throw new VfioException("pread", errno, Where(offset, width)); }
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(b);
    }

    private void Write(ulong offset, int width, ulong value)
    {
        Check(offset, width);
        Span<byte> b = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(b, value);
        var errno = TryWrite(offset, b.Slice(0, width));
        if (errno != 0) { throw new VfioException("pwrite", errno, Where(offset, width)); }
    }

    private void Check(ulong offset, int width)
    {
        if (offset > Info.Size || Info.Size - offset < (ulong)width)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), Where(offset, width) + " is outside the 0x" + Info.Size.ToString("x", CultureInfo.InvariantCulture) + "-byte region");
        }
    }

    private string Where(ulong offset, int width) =>
        "region " + Info.Index.ToString(CultureInfo.InvariantCulture) + " offset 0x" + offset.ToString("x", CultureInfo.InvariantCulture) + " width " + width.ToString(CultureInfo.InvariantCulture);
}
