namespace Lab.TestCases.Cases;

/// <summary>
/// A seeded SplitMix64 sequence: the same seed gives the same choices on every runtime (System.Random's seeded
/// algorithm is an implementation detail), so a stress failure's seed reproduces it.
/// </summary>
public sealed class SplitMixRandom
{
    private ulong _state;

    /// <summary>Starts the sequence at <paramref name="seed"/>.</summary>
    public SplitMixRandom(ulong seed) => _state = seed;

    /// <summary>The next 64 bits.</summary>
    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var x = _state;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>A value in [0, <paramref name="bound"/>); <paramref name="bound"/> must be positive.</summary>
    public int Below(int bound)
    {
        if (bound <= 0) { throw new ArgumentOutOfRangeException(nameof(bound)); }
        return (int)(Next() % (ulong)bound);
    }
}
