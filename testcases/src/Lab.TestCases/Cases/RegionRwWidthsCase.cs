using System.Buffers.Binary;
using System.Globalization;
using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// pread/pwrite on every readable region: widths 1/2/4/8 at offset 0, a 4-byte read at an unaligned offset, an 8-byte
/// read straddling the end (the kernel clips it or refuses it), 4 bytes at the size (refused), writes of each width to
/// one register per driver that is safe to scribble on, and a pwrite on a read-only region if the device has one (none on the default lab). Each
/// answer is compared with <see cref="ExpectedErrno"/> rows <c>vfio.common.region.rw_widths#PROBE[.KIND]</c>.
/// </summary>
/// <remarks>
/// Safe registers: PL031 MR (0x04; IMSC stays 0 so a match raises nothing, cleared with ICR after), virtio-mmio
/// QueueSel (0x030, 0 is the queue every driver selects first), edu's liveness register (0x04, reads back inverted).
/// edu's BAR accepts only 4/8-byte accesses (QEMU edu .valid.min_access_size 4): a narrower or unaligned access there
/// would be a bus error in the kernel, so those probes run on the config region instead.
/// </remarks>
public sealed class RegionRwWidthsCase : IVfioCase
{
    private static readonly int[] Widths = [1, 2, 4, 8];

    // The 4-byte read first: the narrower ones are compared with its low bytes.
    private static readonly int[] ReadOrder = [4, 8, 2, 1];
    private readonly List<string> _failures = [];
    private readonly List<string> _answers = [];

    /// <inheritdoc/>
    public string Id => "vfio.common.region.rw_widths";

    /// <summary>From this kernel vfio-pci's region read/write does an 8-byte access as one 64-bit MMIO access (upstream v6.11, "vfio/pci: Support 8-byte PCI loads and stores"; 6.1 splits it).</summary>
    private static readonly Version PciAccess64From = new(6, 11);

    /// <inheritdoc/>
    public string Description => "pread/pwrite widths 1/2/4/8, unaligned, straddling and past the end, and on a read-only region: answers match the errno table";

    /// <inheritdoc/>
    public Requirements Requirements => Requirements.Device;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        _failures.Clear();
        _answers.Clear();
        var device = context.Device!;
        var info = device.GetInfo();
        var readOnly = 0;
        for (uint i = 0; i < info.NumRegions; i++)
        {
            if (device.TryGetRegionInfo(i, out var r) != 0 || r!.Size == 0 || !r.CanRead) { continue; }
            var region = device.OpenRegion(i);
            var kind = KindOf(context.Driver, i);
            Reads(context, region, kind);
            if (r.CanWrite)
            {
                Probe(context, region, kind, "write_past_end", region.PWrite(r.Size, new byte[4]), 4);
                Writes(context, region, kind);
            }
            else
            {
                readOnly++;
                Probe(context, region, kind, "write_ro", region.PWrite(0, new byte[4]), 4);
            }
        }

        if (readOnly == 0) { context.Note("pwrite on a read-only region: not run, every readable region of the device is also writable" + (context.Driver == "pci" ? " (a ROM, index 6, would be read-only: edu's has size 0)" : string.Empty)); }
        context.Note(string.Join("; ", _answers));
        return _failures.Count == 0 ? CaseOutcome.Pass() : CaseOutcome.Fail(string.Join("; ", _failures));
    }

    private void Reads(CaseContext context, VfioRegion region, string kind)
    {
        var size = region.Info.Size;
        uint? dword = null;
        foreach (var w in ReadOrder)
        {
            if (kind == "bar" && w < 4) { continue; }
            var buffer = new byte[w];
            var n = region.PRead(0, buffer);
            Probe(context, region, kind, "read" + w.ToString(CultureInfo.InvariantCulture), n, w);
            if (n != w) { continue; }
            var value = Low(buffer);
            if (w == 4) { dword = (uint)value; }
            // NOTE: QEMU's virtio-mmio answers 0 to 1/2-byte reads (it logs a guest error), so the narrow reads do
            // not always equal the low bytes of the 4-byte read; recorded, not failed.
            if (w < 4 && dword is { } d && value != (d & ((1UL << (8 * w)) - 1)))
            {
                context.Note($"region {region.Info.Index} ({kind}): {w}-byte read at 0 gave 0x{value:x}, the 4-byte read 0x{d:x}");
            }
        }

        if (kind != "bar") { Probe(context, region, kind, "read_unaligned", region.PRead(1, new byte[4]), 4); }
        else { context.Note($"region {region.Info.Index} (bar): 1/2-byte and unaligned accesses not run (edu's BAR takes only 4/8-byte accesses; the config region has them)"); }
        if (size >= 8) { Probe(context, region, kind, "read_straddle", region.PRead(size - 4, new byte[8]), 4); }
        Probe(context, region, kind, "read_past_end", region.PRead(size, new byte[4]), 4);
    }

    private void Writes(CaseContext context, VfioRegion region, string kind)
    {
        switch (context.Driver, kind)
        {
            case ("amba", _) when (region.Read32(0xFE0) & 0xff) == 0x31:
                try
                {
                    region.Write32(0x10, 0); // IMSC: a match must raise nothing
                    WriteBack(context, region, kind, 0x04, 4, 0x12345678, 0x12345678);
                    WriteBack(context, region, kind, 0x04, 2, 0xabcd, 0xabcd);
                    WriteBack(context, region, kind, 0x04, 1, 0x5a, 0x5a);
                    Probe(context, region, kind, "write8", region.PWrite(0x10, new byte[8]), 8); // IMSC 0, RIS (read-only)
                }
                finally
                {
                    region.Write32(0x04, 0);
                    region.Write32(0x10, 0);
                    region.Write32(0x1C, 1);
                }

                break;
            case ("platform", _) when region.Read32(0) == 0x74726976:
                foreach (var w in Widths)
                {
                    // QueueSel and (for 8 bytes) QueueNumMax, which is read-only: zeros change nothing.
                    Probe(context, region, kind, "write" + w.ToString(CultureInfo.InvariantCulture), region.PWrite(0x030, new byte[w]), w);
                }

                break;
            case ("pci", "bar") when region.Info.Index == 0 && region.Read32(0) >> 16 == 0x0100:
                WriteBack(context, region, kind, 0x04, 4, 0x0f0f1234, ~0x0f0f1234u);
                // 8 bytes at 0. Before 6.11 vfio-pci splits the access in two 4-byte ones: the ID register ignores its
                // half and the liveness register takes the high half. From 6.11 it is one 64-bit access, which edu
                // drops whole below 0x80 (4-byte accesses only there): liveness keeps the last value.
                var whole = context.Kernel is { } k && k >= PciAccess64From;
                var both = new byte[8];
                BinaryPrimitives.WriteUInt32LittleEndian(both.AsSpan(4), 0x00c0ffee);
                if (Probe(context, region, kind, "write8", region.PWrite(0, both), 8))
                {
                    var back = region.Read32(0x04);
                    var expected = whole ? ~0x0f0f1234u : ~0x00c0ffeeu;
                    if (back != expected)
                    {
                        _failures.Add($"region 0 (bar): 8-byte pwrite at 0 of 0x00c0ffee00000000, liveness (0x04) reads 0x{back:x}, expected 0x{expected:x} "
                            + $"({(whole ? "one 64-bit access, which edu drops" : "two 4-byte accesses")} on {context.Kernel})");
                    }
                }

                if (whole)
                {
                    // One 64-bit access both ways: edu's DMA source address (0x80) keeps all 8 bytes (two 4-byte halves would not: 0x84 is no register).
                    const ulong value = 0x0123456789abcdeful;
                    var eight = new byte[8];
                    BinaryPrimitives.WriteUInt64LittleEndian(eight, value);
                    if (Probe(context, region, kind, "write8", region.PWrite(0x80, eight), 8) && region.Read64(0x80) is var read && read != value)
                    {
                        _failures.Add($"region 0 (bar): 8-byte write and read at 0x80 (DMA source) gave 0x{read:x}, wrote 0x{value:x}: not one 64-bit access on {context.Kernel}");
                    }
                }

                break;
            default:
                context.Note($"region {region.Info.Index} ({kind}): no register known safe to write; width writes not run");
                break;
        }
    }

    private void WriteBack(CaseContext context, VfioRegion region, string kind, ulong offset, int width, ulong value, ulong expected)
    {
        var buffer = new byte[width];
        for (var b = 0; b < width; b++) { buffer[b] = (byte)(value >> (8 * b)); }
        if (!Probe(context, region, kind, "write" + width.ToString(CultureInfo.InvariantCulture), region.PWrite(offset, buffer), width)) { return; }
        // Only the written bytes are compared: the PL031 zero-extends a narrow write into MR, memory would keep the rest.
        var mask = width >= 4 ? 0xffffffffu : (1u << (8 * width)) - 1;
        var back = region.Read32(offset);
        if ((back & mask) != ((uint)expected & mask)) { _failures.Add($"region {region.Info.Index} ({kind}): {width}-byte pwrite of 0x{value:x} at 0x{offset:x} reads back 0x{back:x}, expected 0x{expected & mask:x} in the low {width} bytes"); }
    }

    // Compares one answer (byte count or -errno) with the table; a success must move `want` bytes. True when it succeeded.
    private bool Probe(CaseContext context, VfioRegion region, string kind, string probe, long answer, long want)
    {
        var errno = answer < 0 ? (int)-answer : 0;
        var expected = ExpectedErrno.TryFor(Id + "#" + probe + "." + kind, context.Driver, context.Kernel)
            ?? ExpectedErrno.For(Id + "#" + probe, context.Driver, context.Kernel);
        var call = $"region {region.Info.Index} ({kind}) {probe}";
        _answers.Add(call + ": " + (answer < 0 ? Errno.Name(errno) : answer.ToString(CultureInfo.InvariantCulture) + " bytes"));
        if (errno != 0) { context.RecordErrno(errno); }
        if (errno != expected)
        {
            _failures.Add($"{call}: expected {ExpectedErrno.Describe(expected)}, got {ExpectedErrno.Describe(errno)} on {context.Kernel?.ToString() ?? "unknown kernel"} vfio-{context.Driver}");
            return false;
        }

        if (errno == 0 && answer != want)
        {
            _failures.Add($"{call}: {answer} bytes, expected {want}");
            return false;
        }

        return errno == 0;
    }

    private static string KindOf(string driver, uint index) => driver != "pci" ? "mmio" : index switch
    {
        <= 5 => "bar",
        6 => "rom",
        7 => "config",
        _ => "other",
    };

    private static ulong Low(byte[] buffer)
    {
        ulong v = 0;
        for (var b = buffer.Length - 1; b >= 0; b--) { v = (v << 8) | buffer[b]; }
        return v;
    }
}
