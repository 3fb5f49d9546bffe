using Lab.TestCases.Model;

namespace Lab.TestCases.Devices.Edu;

/// <summary>
/// Which edu round trips to run: a fixed list of sizes at non-zero offsets (odd, page-crossing, near edu's end), and
/// a seeded generator of random ones for the stress loop. Everything it returns fits <see cref="EduTransfer.FitsIn"/>.
/// </summary>
public static class EduTransferPlan
{
    /// <summary>The RAM buffers' length: two pages, so offsets near 4096 cross an IOVA page.</summary>
    public const int RamLength = 8192;

    private static readonly int[] Offsets = [1, 7, 513, 4000];
    private static readonly int[] Sizes = [1, 3, 17, 255, 1000, 2047, 3000, 4094];

    /// <summary>
    /// Each size paired with rotating source, edu and destination offsets from 1, 7, 513 and 4000; edu's offset is
    /// pulled down until the transfer ends below 4096. 16 round trips (~3.5 s at edu's 100 ms per transfer).
    /// </summary>
    public static IReadOnlyList<EduTransfer> Offsetted()
    {
        var list = new List<EduTransfer>();
        for (var i = 0; i < Sizes.Length * 2; i++)
        {
            var size = Sizes[i % Sizes.Length];
            var src = Offsets[i % Offsets.Length];
            var dst = Offsets[(i + 1 + (i / Sizes.Length)) % Offsets.Length];
            var dev = Offsets[(i + 2) % Offsets.Length];
            if (dev + size >= EduDevice.BufferSize) { dev = EduDevice.BufferSize - 1 - size; }
            list.Add(new EduTransfer(src, dev, dst, size));
        }

        return list;
    }

    /// <summary>A random transfer (count 1..4095, any offsets that fit) from <paramref name="random"/>.</summary>
    public static EduTransfer Next(SplitMixRandom random)
    {
        if (random is null) { throw new ArgumentNullException(nameof(random)); }
        var count = 1 + random.Below(EduDevice.BufferSize - 1);
        var device = random.Below(EduDevice.BufferSize - count);
        var source = random.Below(RamLength - count + 1);
        var destination = random.Below(RamLength - count + 1);
        return new EduTransfer(source, device, destination, count);
    }
}
