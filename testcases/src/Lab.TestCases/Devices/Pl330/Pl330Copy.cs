namespace Lab.TestCases.Devices.Pl330;

/// <summary>A piece of a copy that is physically contiguous on both sides: it crosses no page of either buffer.</summary>
/// <param name="Source">Physical source address.</param>
/// <param name="Destination">Physical destination address.</param>
/// <param name="Length">Bytes.</param>
public readonly record struct Pl330Chunk(uint Source, uint Destination, int Length);

/// <summary>One program of a copy: its microcode (at most a page: it is fetched from one locked page) and the chunks it moves.</summary>
/// <param name="Code">The microcode, ending in DMAWMB, DMASEV and DMAEND.</param>
/// <param name="Chunks">The chunks it copies, in order.</param>
public sealed record Pl330CopyProgram(byte[] Code, IReadOnlyList<Pl330Chunk> Chunks)
{
    /// <summary>Bytes the program copies.</summary>
    public long Bytes => Chunks.Sum(c => (long)c.Length);
}

/// <summary>
/// Memory-to-memory copies as PL330 programs. The pages of a locked user buffer are not physically contiguous, so a
/// copy is cut wherever either side crosses a page, and each chunk's program reloads SAR and DAR. Bytes move in
/// bursts of 16 single-byte beats (any alignment on either side, and 16 bytes fit the smallest MFIFO, 32 lines),
/// the rest of a chunk in one burst of 1-15 beats. Each program ends with a write barrier and DMASEV of the
/// completion event, so its end arrives as the event's interrupt.
/// </summary>
public static class Pl330Copy
{
    /// <summary>Beats (of one byte) per DMALD/DMAST in the bulk of a chunk.</summary>
    public const int BurstBeats = 16;

    private const int TrailerBytes = 4; // DMAWMB, DMASEV ev, DMAEND

    /// <summary>
    /// The chunks of copying <paramref name="length"/> bytes from <paramref name="srcOffset"/> of a buffer whose page i
    /// is at <paramref name="srcPages"/>[i] to <paramref name="dstOffset"/> of another.
    /// </summary>
    public static IReadOnlyList<Pl330Chunk> Chunks(
        IReadOnlyList<ulong> srcPages, long srcOffset, IReadOnlyList<ulong> dstPages, long dstOffset, long length, long pageSize)
    {
        if (srcPages is null) { throw new ArgumentNullException(nameof(srcPages)); }
        if (dstPages is null) { throw new ArgumentNullException(nameof(dstPages)); }
        if (pageSize <= 0 || pageSize > 65536) { throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "1-65536 bytes"); }
        if (length <= 0) { throw new ArgumentOutOfRangeException(nameof(length), length, "a copy moves at least one byte"); }
        Inside(srcPages, srcOffset, length, pageSize, "source");
        Inside(dstPages, dstOffset, length, pageSize, "destination");
        var chunks = new List<Pl330Chunk>();
        long done = 0;
        while (done < length)
        {
            var s = srcOffset + done;
            var d = dstOffset + done;
            var n = Math.Min(length - done, Math.Min(pageSize - (s % pageSize), pageSize - (d % pageSize)));
            chunks.Add(new Pl330Chunk(Address(srcPages, s, pageSize, "source"), Address(dstPages, d, pageSize, "destination"), (int)n));
            done += n;
        }

        return chunks;
    }

    /// <summary>
    /// The programs that copy <paramref name="chunks"/> in order, each at most <paramref name="maxProgramBytes"/> long and
    /// ending with DMASEV <paramref name="completionEvent"/>.
    /// </summary>
    public static IReadOnlyList<Pl330CopyProgram> Programs(IReadOnlyList<Pl330Chunk> chunks, int completionEvent, int maxProgramBytes)
    {
        if (chunks is null) { throw new ArgumentNullException(nameof(chunks)); }
        if (completionEvent is < 0 or > 31) { throw new ArgumentOutOfRangeException(nameof(completionEvent), completionEvent, "events 0-31"); }
        if (maxProgramBytes < 64) { throw new ArgumentOutOfRangeException(nameof(maxProgramBytes), maxProgramBytes, "at least 64 bytes"); }
        var programs = new List<Pl330CopyProgram>();
        var code = new List<byte>();
        var taken = new List<Pl330Chunk>();
        Pl330Ccr? ccr = null;
        foreach (var chunk in chunks)
        {
            var fragment = Fragment(chunk, ccr, out var ccrAfter);
            if (taken.Count > 0 && code.Count + fragment.Length + TrailerBytes > maxProgramBytes)
            {
                programs.Add(Close(code, taken, completionEvent));
                code = [];
                taken = [];
                ccr = null;
                fragment = Fragment(chunk, null, out ccrAfter);
            }

            code.AddRange(fragment);
            taken.Add(chunk);
            ccr = ccrAfter;
        }

        if (taken.Count > 0)
        {
            programs.Add(Close(code, taken, completionEvent));
        }

        return programs;
    }

    /// <summary>The code of one chunk, given the CCR the program has set so far (null: none yet).</summary>
    private static byte[] Fragment(Pl330Chunk chunk, Pl330Ccr? current, out Pl330Ccr? after)
    {
        var p = new Pl330Program();
        var ccr = current;
        void Use(Pl330Ccr wanted)
        {
            if (ccr != wanted)
            {
                p.Mov(Pl330MovRegister.Ccr, wanted.Encode());
                ccr = wanted;
            }
        }

        p.Mov(Pl330MovRegister.Sar, chunk.Source).Mov(Pl330MovRegister.Dar, chunk.Destination);
        var bursts = chunk.Length / BurstBeats;
        var rest = chunk.Length % BurstBeats;
        if (bursts > 0)
        {
            Use(new Pl330Ccr(1, BurstBeats));
            if (bursts > 256)
            {
                p.Loop(1, bursts / 256).Loop(0, 256).Load().Store().EndLoop().EndLoop();
                bursts %= 256;
            }

            if (bursts > 0)
            {
                p.Loop(0, bursts).Load().Store().EndLoop();
            }
        }

        if (rest > 0)
        {
            Use(new Pl330Ccr(1, rest));
            p.Load().Store();
        }

        after = ccr;
        return p.ToArray();
    }

    private static Pl330CopyProgram Close(List<byte> code, List<Pl330Chunk> chunks, int completionEvent)
    {
        var trailer = new Pl330Program().WriteBarrier().SendEvent(completionEvent).End().ToArray();
        return new Pl330CopyProgram([.. code, .. trailer], chunks);
    }

    private static void Inside(IReadOnlyList<ulong> pages, long offset, long length, long pageSize, string side)
    {
        if (offset < 0 || offset + length > pages.Count * pageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"{side} [{offset}, {offset + length}) is outside the {pages.Count * pageSize}-byte buffer");
        }
    }

    private static uint Address(IReadOnlyList<ulong> pages, long offset, long pageSize, string side)
    {
        var address = pages[(int)(offset / pageSize)] + (ulong)(offset % pageSize);
        return address <= uint.MaxValue
            ? (uint)address
            : throw new ArgumentOutOfRangeException(nameof(pages), $"{side} physical address 0x{address:x} is beyond the PL330's 32-bit reach");
    }
}
