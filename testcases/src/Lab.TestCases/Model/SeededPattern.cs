namespace Lab.TestCases.Model;

/// <summary>
/// A byte pattern that is a pure function of a seed and the byte's absolute offset, so a writer on the board and a
/// checker on the host (the orchestrator reading a virtio-blk backing file after the board stops) agree on any range
/// without exchanging data: byte <c>i</c> is byte <c>i % 8</c> of SplitMix64(seed + i / 8).
/// </summary>
public static class SeededPattern
{
    /// <summary>Fills <paramref name="destination"/> with the pattern bytes from <paramref name="offset"/> on.</summary>
    public static void Fill(Span<byte> destination, uint seed, long offset)
    {
        if (offset < 0) { throw new ArgumentOutOfRangeException(nameof(offset)); }
        for (var i = 0; i < destination.Length; i++) { destination[i] = At(seed, offset + i); }
    }

    /// <summary>The index of the first byte of <paramref name="actual"/> that differs from the pattern, or -1.</summary>
    public static int FirstMismatch(ReadOnlySpan<byte> actual, uint seed, long offset)
    {
        if (offset < 0) { throw new ArgumentOutOfRangeException(nameof(offset)); }
        for (var i = 0; i < actual.Length; i++)
        {
            if (actual[i] != At(seed, offset + i)) { return i; }
        }

        return -1;
    }

    /// <summary>The pattern byte at <paramref name="offset"/>.</summary>
    public static byte At(uint seed, long offset)
    {
        var word = SplitMixRandom.At(seed + ((ulong)offset >> 3));
        return (byte)(word >> (int)((offset & 7) * 8));
    }
}
