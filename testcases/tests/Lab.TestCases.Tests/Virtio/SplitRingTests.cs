using System.Buffers.Binary;
using Lab.TestCases.Devices.Virtio;

namespace Lab.TestCases.Tests.Virtio;

public sealed class SplitRingTests
{
    private static readonly SplitRingLayout Layout = new(8, 64);

    [Test]
    public void A_chain_becomes_linked_descriptors_with_write_flags_and_one_avail_entry()
    {
        var ring = new byte[4096];
        var r = new SplitRing(Layout);
        var head = r.Post(ring, [new VirtqSegment(0x4000_1000, 16, false), new VirtqSegment(0x4000_2000, 512, true), new VirtqSegment(0x4000_1040, 1, true)]);
        Assert.That(head, Is.Zero);
        Assert.That(Descriptor(ring, 0), Is.EqualTo((0x4000_1000UL, 16u, SplitRing.DescNext, (ushort)1)));
        Assert.That(Descriptor(ring, 1), Is.EqualTo((0x4000_2000UL, 512u, (ushort)(SplitRing.DescNext | SplitRing.DescWrite), (ushort)2)));
        Assert.That(Descriptor(ring, 2), Is.EqualTo((0x4000_1040UL, 1u, SplitRing.DescWrite, (ushort)0)));
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(ring.AsSpan(Layout.AvailIdxOffset)), Is.EqualTo(1));
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(ring.AsSpan(Layout.AvailSlot(0))), Is.Zero);
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(ring.AsSpan(Layout.AvailOffset)), Is.Zero, "avail flags: interrupts wanted");
    }

    [Test]
    public void Readable_after_writable_and_chains_longer_than_the_queue_are_refused()
    {
        var ring = new byte[4096];
        var r = new SplitRing(Layout);
        Assert.That(() => r.Post(ring, [new VirtqSegment(0x1000, 4, true), new VirtqSegment(0x2000, 4, false)]), Throws.ArgumentException);
        var nine = Enumerable.Range(0, 9).Select(i => new VirtqSegment((ulong)(0x1000 * (i + 1)), 4, true)).ToList();
        Assert.That(() => r.Post(ring, nine), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(r.NextAvail, Is.Zero, "a refused chain publishes nothing");
    }

    [Test]
    public void Nothing_is_taken_until_the_device_moves_used_idx()
    {
        var ring = new byte[4096];
        var r = new SplitRing(Layout);
        r.Post(ring, [new VirtqSegment(0x1000, 64, true)]);
        Assert.That(r.TryTakeUsed(ring, out _, out _), Is.False);
        DeviceCompletes(ring, usedIdx: 0, id: 0, length: 64);
        Assert.That(r.TryTakeUsed(ring, out var id, out var len), Is.True);
        Assert.That((id, len), Is.EqualTo((0u, 64u)));
        Assert.That(r.TryTakeUsed(ring, out _, out _), Is.False);
    }

    [Test]
    public void Indices_wrap_at_65536_and_pick_slot_index_mod_queue_size()
    {
        var ring = new byte[4096];
        var r = new SplitRing(Layout);
        r.StartAt(ushort.MaxValue);
        r.Post(ring, [new VirtqSegment(0x1000, 64, true)]);
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(ring.AsSpan(Layout.AvailIdxOffset)), Is.Zero, "avail idx 0xffff + 1 wraps to 0");
        Assert.That(r.NextAvail, Is.Zero);
        DeviceCompletes(ring, usedIdx: ushort.MaxValue, id: 0, length: 7);
        Assert.That(r.TryTakeUsed(ring, out _, out var len), Is.True);
        Assert.That(len, Is.EqualTo(7));
        Assert.That(r.LastUsed, Is.Zero);

        r.Post(ring, [new VirtqSegment(0x1000, 64, true)]);
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(ring.AsSpan(Layout.AvailIdxOffset)), Is.EqualTo(1));
        DeviceCompletes(ring, usedIdx: 0, id: 0, length: 9);
        Assert.That(r.TryTakeUsed(ring, out _, out len), Is.True);
        Assert.That(len, Is.EqualTo(9), "element read from slot 0 after the wrap, not slot 7 again");
    }

    [Test]
    public void Clear_zeroes_the_ring_and_restarts_the_indices()
    {
        var ring = Enumerable.Repeat((byte)0xee, 4096).ToArray();
        var r = new SplitRing(Layout);
        r.StartAt(40);
        r.Clear(ring);
        Assert.That(ring.Take(Layout.TotalSize).All(b => b == 0), Is.True);
        Assert.That(ring[Layout.TotalSize], Is.EqualTo(0xee), "only the ring's bytes are cleared");
        Assert.That((r.NextAvail, r.LastUsed), Is.EqualTo(((ushort)0, (ushort)0)));
    }

    /// <summary>What a device does: writes the used element at <paramref name="usedIdx"/>'s slot, then used idx + 1.</summary>
    private static void DeviceCompletes(byte[] ring, ushort usedIdx, uint id, uint length)
    {
        var e = ring.AsSpan(Layout.UsedSlot(usedIdx));
        BinaryPrimitives.WriteUInt32LittleEndian(e, id);
        BinaryPrimitives.WriteUInt32LittleEndian(e.Slice(4), length);
        BinaryPrimitives.WriteUInt16LittleEndian(ring.AsSpan(Layout.UsedIdxOffset), (ushort)(usedIdx + 1));
    }

    private static (ulong Address, uint Length, ushort Flags, ushort Next) Descriptor(byte[] ring, int i)
    {
        var d = ring.AsSpan(Layout.Descriptor(i));
        return (BinaryPrimitives.ReadUInt64LittleEndian(d), BinaryPrimitives.ReadUInt32LittleEndian(d.Slice(8)),
            BinaryPrimitives.ReadUInt16LittleEndian(d.Slice(12)), BinaryPrimitives.ReadUInt16LittleEndian(d.Slice(14)));
    }
}
