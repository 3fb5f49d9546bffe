using Lab.TestCases.Model;

namespace Lab.TestCases.Tests;

public class SeededPatternTests
{
    [Test]
    public void A_range_filled_at_an_offset_equals_the_same_bytes_of_a_fill_from_zero()
    {
        var whole = new byte[4096];
        SeededPattern.Fill(whole, 1234, 0);
        var part = new byte[1000];
        SeededPattern.Fill(part, 1234, 1531);
        Assert.That(part, Is.EqualTo(whole.AsSpan(1531, 1000).ToArray()));
        Assert.That(SeededPattern.FirstMismatch(whole, 1234, 0), Is.EqualTo(-1));
    }

    [Test]
    public void Different_seeds_give_different_bytes_and_a_changed_byte_is_found()
    {
        var a = new byte[512];
        var b = new byte[512];
        SeededPattern.Fill(a, 1, 0);
        SeededPattern.Fill(b, 2, 0);
        Assert.That(a, Is.Not.EqualTo(b));
        Assert.That(a.Distinct().Count(), Is.GreaterThan(200), "the pattern should not be nearly constant");
        a[300] ^= 0x40;
        Assert.That(SeededPattern.FirstMismatch(a, 1, 0), Is.EqualTo(300));
    }

    [Test]
    public void The_sequence_and_the_pattern_are_the_reference_splitmix64()
    {
        // SplitMix64 from state 0 (Steele, Lea, Flood 2014; the reference outputs are well known).
        var random = new SplitMixRandom(0);
        Assert.That(random.Next(), Is.EqualTo(0xE220A8397B1DCDAFUL));
        Assert.That(random.Next(), Is.EqualTo(0x6E789E6AA1B965F4UL));
        Assert.That(SplitMixRandom.At(0), Is.EqualTo(0xE220A8397B1DCDAFUL), "At(state) is the next value without advancing");
        Assert.That(SeededPattern.At(0, 0), Is.EqualTo(0xAF), "pattern byte 0 of seed 0 is the low byte of the first value");
    }
}
