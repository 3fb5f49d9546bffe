namespace Lab.TestCases.Devices.Pl330;

/// <summary>
/// A channel control register value (CCR, ARM DDI 0424 3.3.14) as a program sets it with DMAMOV CCR: each side's
/// address increment, burst size (bytes per beat) and burst length (beats per DMALD/DMAST), protection and cache bits.
/// </summary>
/// <param name="BeatBytes">Bytes per beat on both sides: 1, 2, 4, 8 or 16 (SS, DS: log2).</param>
/// <param name="BurstBeats">Beats per burst on both sides: 1-16 (SB, DB: minus one).</param>
/// <param name="Increment">Source and destination addresses increment (SI, DI).</param>
/// <param name="Protection">AXI protection bits for both sides (SP, DP): bit 0 privileged, bit 1 non-secure, bit 2 instruction.</param>
public readonly record struct Pl330Ccr(int BeatBytes, int BurstBeats, bool Increment = true, int Protection = 0)
{
    /// <summary>Bytes one DMALD (or DMAST) moves.</summary>
    public int BurstBytes => BeatBytes * BurstBeats;

    /// <summary>The register value.</summary>
    public uint Encode()
    {
        if (BeatBytes is not (1 or 2 or 4 or 8 or 16)) { throw new ArgumentOutOfRangeException(nameof(BeatBytes), BeatBytes, "1, 2, 4, 8 or 16 bytes per beat"); }
        if (BurstBeats is < 1 or > 16) { throw new ArgumentOutOfRangeException(nameof(BurstBeats), BurstBeats, "1-16 beats per burst"); }
        if (Protection is < 0 or > 7) { throw new ArgumentOutOfRangeException(nameof(Protection), Protection, "3 bits"); }
        var size = (uint)Log2(BeatBytes);
        var len = (uint)(BurstBeats - 1);
        var inc = Increment ? 1u : 0u;
        var prot = (uint)Protection;
        return inc | (size << 1) | (len << 4) | (prot << 8) | (inc << 14) | (size << 15) | (len << 18) | (prot << 22);
    }

    /// <summary>Decodes a CCR value whose two sides agree (as <see cref="Encode"/> writes them).</summary>
    public static Pl330Ccr Decode(uint ccr) =>
        new(1 << (int)((ccr >> 1) & 7), (int)((ccr >> 4) & 0xf) + 1, (ccr & 1) != 0, (int)((ccr >> 8) & 7));

    private static int Log2(int n)
    {
        var log = 0;
        while ((1 << log) < n) { log++; }
        return log;
    }
}
