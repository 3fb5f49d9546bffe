using System.Buffers.Binary;

namespace Lab.TestCases.Devices.Virtio;

/// <summary>
/// The driver side of a split virtqueue with one request in flight at a time: a request's chain always occupies
/// descriptors 0..k-1, the free-running avail and used indices wrap at 2^16 and pick ring slots modulo the queue
/// size. Works on the ring's bytes given per call (DMA memory on a board, an array in unit tests).
/// </summary>
public sealed class SplitRing
{
    /// <summary>VIRTQ_DESC_F_NEXT: the chain continues at <c>next</c>.</summary>
    public const ushort DescNext = 1;

    /// <summary>VIRTQ_DESC_F_WRITE: the device writes this buffer.</summary>
    public const ushort DescWrite = 2;

    /// <summary>Creates the driver state for <paramref name="layout"/>.</summary>
    public SplitRing(SplitRingLayout layout) => Layout = layout ?? throw new ArgumentNullException(nameof(layout));

    /// <summary>Where things lie.</summary>
    public SplitRingLayout Layout { get; }

    /// <summary>The next avail index the driver will publish.</summary>
    public ushort NextAvail { get; private set; }

    /// <summary>The used index the driver has consumed up to.</summary>
    public ushort LastUsed { get; private set; }

    /// <summary>Starts the indices at <paramref name="index"/> (tests of the 2^16 wrap; a fresh device starts at 0).</summary>
    public void StartAt(ushort index)
    {
        NextAvail = index;
        LastUsed = index;
    }

    /// <summary>Zeroes the ring memory and the indices (what the device expects after QueuePFN is set).</summary>
    public void Clear(Span<byte> ring)
    {
        ring.Slice(0, Layout.TotalSize).Clear();
        StartAt(0);
    }

    /// <summary>
    /// Writes <paramref name="chain"/> as descriptors 0..k-1 (device-readable ones first, as the spec asks), puts head 0
    /// in the next avail slot and then bumps avail idx. Returns the head descriptor id.
    /// </summary>
    public ushort Post(Span<byte> ring, IReadOnlyList<VirtqSegment> chain)
    {
        if (chain is null) { throw new ArgumentNullException(nameof(chain)); }
        if (chain.Count == 0 || chain.Count > Layout.QueueSize)
        {
            throw new ArgumentOutOfRangeException(nameof(chain), chain.Count, "a chain needs 1 to " + Layout.QueueSize + " descriptors");
        }

        var seenWrite = false;
        for (var i = 0; i < chain.Count; i++)
        {
            var s = chain[i];
            if (seenWrite && !s.DeviceWrites) { throw new ArgumentException("device-readable segment after a device-writable one", nameof(chain)); }
            seenWrite |= s.DeviceWrites;
            var last = i == chain.Count - 1;
            WriteDescriptor(ring, i, s.Address, s.Length, (ushort)((last ? 0 : DescNext) | (s.DeviceWrites ? DescWrite : 0)), (ushort)(last ? 0 : i + 1));
        }

        BinaryPrimitives.WriteUInt16LittleEndian(ring.Slice(Layout.AvailSlot(NextAvail)), 0);
        // The slot must be visible before the index that publishes it (the pwrite of QueueNotify is a syscall and orders
        // everything before the device looks).
        Interlocked.MemoryBarrier();
        NextAvail++;
        BinaryPrimitives.WriteUInt16LittleEndian(ring.Slice(Layout.AvailIdxOffset), NextAvail);
        return 0;
    }

    /// <summary>Writes descriptor <paramref name="index"/>.</summary>
    public void WriteDescriptor(Span<byte> ring, int index, ulong address, uint length, ushort flags, ushort next)
    {
        var d = ring.Slice(Layout.Descriptor(index), SplitRingLayout.DescriptorSize);
        BinaryPrimitives.WriteUInt64LittleEndian(d, address);
        BinaryPrimitives.WriteUInt32LittleEndian(d.Slice(8), length);
        BinaryPrimitives.WriteUInt16LittleEndian(d.Slice(12), flags);
        BinaryPrimitives.WriteUInt16LittleEndian(d.Slice(14), next);
    }

    /// <summary>The device's used idx as it is now.</summary>
    public ushort UsedIdx(ReadOnlySpan<byte> ring)
    {
        Interlocked.MemoryBarrier();
        return BinaryPrimitives.ReadUInt16LittleEndian(ring.Slice(Layout.UsedIdxOffset));
    }

    /// <summary>Takes the next used element if the device has published one; false when none is new.</summary>
    public bool TryTakeUsed(ReadOnlySpan<byte> ring, out uint id, out uint length)
    {
        id = 0;
        length = 0;
        if (UsedIdx(ring) == LastUsed) { return false; }
        Interlocked.MemoryBarrier();
        var e = ring.Slice(Layout.UsedSlot(LastUsed), SplitRingLayout.UsedElementSize);
        id = BinaryPrimitives.ReadUInt32LittleEndian(e);
        length = BinaryPrimitives.ReadUInt32LittleEndian(e.Slice(4));
        LastUsed++;
        return true;
    }
}
