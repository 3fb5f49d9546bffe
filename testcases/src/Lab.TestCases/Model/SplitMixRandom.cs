namespace Lab.TestCases.Model;

/// <summary>
/// A seeded SplitMix64 sequence: the same seed gives the same choices on every runtime (System.Random's seeded
/// algorithm is an implementation detail), so a stress failure's seed reproduces it.
/// </summary>
public sealed class SplitMixRandom
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    /// <summary>Starts the sequence at <paramref name="seed"/>.</summary>
    public SplitMixRandom(ulong seed) => _state = seed;

    /// <summary>The next 64 bits.</summary>
    public ulong Next()
    {
        var value = At(_state);
        _state += Gamma;
        return value;
    }

    /// <summary>
    /// The value a sequence whose state is <paramref name="state"/> gives next: a pure function, so any element can be
    /// computed without the ones before it (<see cref="SeededPattern"/>).
    /// </summary>
    public static ulong At(ulong state)
    {
        var x = state + Gamma;
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
