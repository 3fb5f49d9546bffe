using Lab.TestCases.Devices.Virtio;

namespace Lab.TestCases.Tests.Virtio;

public sealed class DmaSegmentsTests
{
    [Test]
    public void A_range_crossing_into_a_physically_distant_page_takes_two_segments()
    {
        ulong[] pages = [0x5000, 0x9000, 0x3000];
        var s = DmaSegments.Of(pages, 4096, 1000, 5000, deviceWrites: true);
        Assert.That(s, Is.EqualTo(new[] { new VirtqSegment(0x5000 + 1000, 3096, true), new VirtqSegment(0x9000, 1904, true) }));
    }

    [Test]
    public void Physically_adjacent_pages_merge_into_one_segment_only_when_asked()
    {
        ulong[] pages = [0x5000, 0x6000, 0x8000];
        var merged = DmaSegments.Of(pages, 4096, 0, 12288, deviceWrites: false, merge: true);
        Assert.That(merged, Is.EqualTo(new[] { new VirtqSegment(0x5000, 8192, false), new VirtqSegment(0x8000, 4096, false) }));
        var perPage = DmaSegments.Of(pages, 4096, 0, 12288, deviceWrites: false);
        Assert.That(perPage.Select(s => s.Address), Is.EqualTo(new[] { 0x5000UL, 0x6000UL, 0x8000UL }));
    }

    [Test]
    public void A_range_within_one_page_is_one_segment_and_out_of_range_is_refused()
    {
        ulong[] pages = [0x5000, 0x9000];
        Assert.That(DmaSegments.Of(pages, 4096, 4096 + 512, 512, true), Is.EqualTo(new[] { new VirtqSegment(0x9000 + 512, 512, true) }));
        Assert.That(() => DmaSegments.Of(pages, 4096, 4096, 4097, true), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => DmaSegments.Of(pages, 4096, 0, 0, true), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
