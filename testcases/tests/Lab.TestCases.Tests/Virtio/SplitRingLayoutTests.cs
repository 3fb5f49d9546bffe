using Lab.TestCases.Devices.Virtio;

namespace Lab.TestCases.Tests.Virtio;

public sealed class SplitRingLayoutTests
{
    [Test]
    public void Sixteen_entries_at_align_64_fit_one_page_with_the_used_ring_at_320()
    {
        var l = new SplitRingLayout(16, 64);
        Assert.That(l.AvailOffset, Is.EqualTo(256));
        Assert.That(l.AvailIdxOffset, Is.EqualTo(258));
        // avail: flags, idx, ring[16], used_event = 38 bytes -> ends at 294 -> 320.
        Assert.That(l.UsedOffset, Is.EqualTo(320));
        Assert.That(l.UsedIdxOffset, Is.EqualTo(322));
        Assert.That(l.TotalSize, Is.EqualTo(320 + 4 + (16 * 8) + 2));
    }

    [Test]
    public void Page_alignment_gives_the_classic_legacy_layout()
    {
        // Linux vring_size(8, 4096) = 4096 + 6 + 8 * 8.
        var l = new SplitRingLayout(8, 4096);
        Assert.That(l.UsedOffset, Is.EqualTo(4096));
        Assert.That(l.TotalSize, Is.EqualTo(4166));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    [TestCase(8)]
    [TestCase(16)]
    public void Every_queue_size_the_driver_uses_agrees_with_qemu_and_fits_a_page(int size)
    {
        var l = new SplitRingLayout(size, 64);
        Assert.That(l.UsedOffset, Is.EqualTo(l.QemuUsedOffset));
        Assert.That(l.TotalSize, Is.LessThanOrEqualTo(4096));
        Assert.That(l.UsedOffset % 64, Is.Zero);
        Assert.That(l.UsedOffset, Is.GreaterThanOrEqualTo(l.AvailOffset + 6 + (2 * size)));
    }

    [Test]
    public void A_small_alignment_where_qemu_and_the_spec_disagree_is_visible()
    {
        // 2 entries: avail without used_event ends at 32 + 8 = 40 (aligned to 4), with it at 42 -> 44.
        var l = new SplitRingLayout(2, 4);
        Assert.That(l.QemuUsedOffset, Is.EqualTo(40));
        Assert.That(l.UsedOffset, Is.EqualTo(44));
    }

    [Test]
    public void Ring_slots_wrap_with_the_free_running_16_bit_indices()
    {
        var l = new SplitRingLayout(8, 64);
        Assert.That(l.AvailSlot(8), Is.EqualTo(l.AvailSlot(0)));
        Assert.That(l.AvailSlot(ushort.MaxValue), Is.EqualTo(l.AvailOffset + 4 + (2 * 7)));
        Assert.That(l.UsedSlot(ushort.MaxValue), Is.EqualTo(l.UsedOffset + 4 + (8 * 7)));
        Assert.That(l.UsedSlot(9), Is.EqualTo(l.UsedOffset + 4 + 8));
    }

    [Test]
    public void Sizes_and_alignments_that_are_not_powers_of_two_are_refused()
    {
        Assert.That(() => new SplitRingLayout(12, 64), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new SplitRingLayout(0, 64), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new SplitRingLayout(16, 48), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new SplitRingLayout(8, 64).Descriptor(8), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
