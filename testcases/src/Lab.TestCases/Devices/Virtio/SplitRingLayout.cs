namespace Lab.TestCases.Devices.Virtio;

/// <summary>
/// Where the parts of a legacy split virtqueue lie (virtio spec 1.0, 2.4.2): the descriptor table (16 bytes each) at 0,
/// the avail ring (flags, idx, ring[N], used_event) right after it, and the used ring (flags, idx, ring[N] of
/// {id, len}, avail_event) at the next multiple of the queue alignment.
/// </summary>
public sealed record SplitRingLayout
{
    /// <summary>Bytes of one descriptor.</summary>
    public const int DescriptorSize = 16;

    /// <summary>Bytes of one used-ring element.</summary>
    public const int UsedElementSize = 8;

    /// <summary>Creates the layout of a ring of <paramref name="queueSize"/> entries, used ring aligned to <paramref name="align"/>.</summary>
    public SplitRingLayout(int queueSize, int align)
    {
        if (queueSize <= 0 || queueSize > 32768 || (queueSize & (queueSize - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(queueSize), queueSize, "a legacy queue size is a power of 2 up to 32768");
        }

        if (align <= 0 || (align & (align - 1)) != 0) { throw new ArgumentOutOfRangeException(nameof(align), align, "the alignment is a power of 2"); }
        QueueSize = queueSize;
        Align = align;
    }

    /// <summary>Entries (a power of 2).</summary>
    public int QueueSize { get; }

    /// <summary>Used-ring alignment in bytes.</summary>
    public int Align { get; }

    /// <summary>Offset of the descriptor table.</summary>
    public const int DescOffset = 0;

    /// <summary>Offset of the avail ring.</summary>
    public int AvailOffset => DescriptorSize * QueueSize;

    /// <summary>Offset of the avail ring's idx.</summary>
    public int AvailIdxOffset => AvailOffset + 2;

    /// <summary>Offset of the used ring: avail ring end (with used_event) rounded up to <see cref="Align"/>.</summary>
    public int UsedOffset => AlignUp(AvailOffset + 6 + (2 * QueueSize), Align);

    /// <summary>
    /// Where QEMU 7.2 puts the used ring: it rounds up the avail ring WITHOUT used_event
    /// (<c>offsetof(VRingAvail, ring[num])</c> in <c>virtio_queue_update_rings</c>). Equal to <see cref="UsedOffset"/>
    /// unless the avail ring without used_event ends exactly on an alignment boundary.
    /// </summary>
    public int QemuUsedOffset => AlignUp(AvailOffset + 4 + (2 * QueueSize), Align);

    /// <summary>Offset of the used ring's idx.</summary>
    public int UsedIdxOffset => UsedOffset + 2;

    /// <summary>Bytes the whole ring occupies.</summary>
    public int TotalSize => UsedOffset + 6 + (UsedElementSize * QueueSize);

    /// <summary>Offset of descriptor <paramref name="index"/>.</summary>
    public int Descriptor(int index) => DescOffset + (DescriptorSize * Check(index));

    /// <summary>Offset of avail ring slot for free-running avail index <paramref name="availIdx"/>.</summary>
    public int AvailSlot(ushort availIdx) => AvailOffset + 4 + (2 * (availIdx & (QueueSize - 1)));

    /// <summary>Offset of the used element for free-running used index <paramref name="usedIdx"/>.</summary>
    public int UsedSlot(ushort usedIdx) => UsedOffset + 4 + (UsedElementSize * (usedIdx & (QueueSize - 1)));

    /// <summary>Rounds <paramref name="value"/> up to a multiple of the power of 2 <paramref name="align"/>.</summary>
    public static int AlignUp(int value, int align) => (value + align - 1) & ~(align - 1);

    private int Check(int index) =>
        index >= 0 && index < QueueSize ? index : throw new ArgumentOutOfRangeException(nameof(index), index, "descriptor index outside the queue");
}
