using Lab.TestCases.Model;
using Lab.Vfio;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Cases;

/// <summary>
/// mmap of a device region: MAP_SHARED of an MMAP region works and reads the same ID register as pread; MAP_PRIVATE,
/// an offset at the region's end, a length past it, and a region without the MMAP flag are refused with the kernel's
/// errno (data). One class, one instance per check.
/// </summary>
public sealed class MmapCase : IVfioCase
{
    private readonly Func<CaseContext, CaseOutcome> _run;

    private MmapCase(string name, string description, Func<CaseContext, CaseOutcome> run)
    {
        Id = "vfio.common.mmap." + name;
        Description = description;
        _run = run;
    }

    /// <summary>MAP_SHARED of the first MMAP region reads an ID register like pread.</summary>
    public static MmapCase Shared { get; } = new("shared", "MAP_SHARED of an MMAP region works; an ID register reads the same as pread", RunShared);

    /// <summary>MAP_PRIVATE refused.</summary>
    public static MmapCase Private { get; } = new("private", "MAP_PRIVATE of an MMAP region is refused (device mappings need VM_SHARED)",
        c => Probe(c, "vfio.common.mmap.private", (r, page) => (0, page, LibcConstants.MAP_PRIVATE)));

    /// <summary>Offset at the region's end refused.</summary>
    public static MmapCase OffsetPastEnd { get; } = new("offset_past_end", "mmap of one page at offset region.size is refused",
        c => Probe(c, "vfio.common.mmap.offset_past_end", (r, page) => (RoundUp(r.Size, page), page, LibcConstants.MAP_SHARED)));

    /// <summary>Length past the region's end refused.</summary>
    public static MmapCase LengthPastEnd { get; } = new("length_past_end", "mmap at offset 0 of region.size plus one page is refused",
        c => Probe(c, "vfio.common.mmap.length_past_end", (r, page) => (0, RoundUp(r.Size, page) + page, LibcConstants.MAP_SHARED)));

    /// <summary>Region without MMAP refused.</summary>
    public static MmapCase NoMmapFlag { get; } = new("no_mmap_flag", "mmap of a readable region without the MMAP flag (virtio-rng's 0x200 region, PCI config) is refused", RunNoMmap);

    /// <inheritdoc/>
    public string Id { get; }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public Requirements Requirements => Id.EndsWith("no_mmap_flag", StringComparison.Ordinal)
        ? Requirements.Device with { AnyDeviceFeature = new[] { "unmapped-region" } }
        : new(CaseFeature.Group | CaseFeature.Device | CaseFeature.MmapRegion);

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        return _run(context);
    }

    private static ulong RoundUp(ulong v, ulong page) => (v + page - 1) / page * page;

    private static VfioRegion? FindRegion(CaseContext context, bool mmap)
    {
        var device = context.Device!;
        var n = device.GetInfo().NumRegions;
        for (uint i = 0; i < n; i++)
        {
            if (device.TryGetRegionInfo(i, out var info) == 0 && info!.Size > 0 && info.CanRead && info.CanMmap == mmap) { return device.OpenRegion(i); }
        }

        return null;
    }

    private static CaseOutcome RunShared(CaseContext context)
    {
        var region = FindRegion(context, mmap: true)!;
        // An ID register that does not change between two reads: PL031 periph id 0 at 0xFE0, edu id at BAR0+0.
        var offset = context.Driver == "amba" ? 0xFE0UL : 0UL;
        using var view = region.Map();
        var m = view.ReadUInt32(offset);
        var p = region.Read32(offset);
        context.Note($"region {region.Info.Index}: mmap MAP_SHARED 0x{region.Info.Size:x} bytes, read32 at 0x{offset:x} = 0x{m:x8}, pread 0x{p:x8}");
        return m == p ? CaseOutcome.Pass() : CaseOutcome.Fail($"mmap(region {region.Info.Index}, MAP_SHARED) read32 at 0x{offset:x} = 0x{m:x8}, pread(count=4) = 0x{p:x8}");
    }

    private static CaseOutcome Probe(CaseContext context, string id, Func<VfioRegionInfo, ulong, (ulong Offset, ulong Length, int Flags)> args)
    {
        var region = FindRegion(context, mmap: true)!;
        var page = (ulong)context.Syscalls.PageSize;
        var (offset, length, flags) = args(region.Info, page);
        var errno = region.TryMapProbe(offset, length, LibcConstants.PROT_READ, flags);
        var kind = flags == LibcConstants.MAP_PRIVATE ? "MAP_PRIVATE" : "MAP_SHARED";
        return ExpectedErrno.Check(context, id, $"mmap(region {region.Info.Index} size 0x{region.Info.Size:x}, offset=0x{offset:x}, length=0x{length:x}, {kind})", errno);
    }

    private static CaseOutcome RunNoMmap(CaseContext context)
    {
        var region = FindRegion(context, mmap: false);
        if (region is null) { return CaseOutcome.Skip("every readable region of the device has the MMAP flag"); }
        var page = (ulong)context.Syscalls.PageSize;
        var errno = region.TryMapProbe(0, page, LibcConstants.PROT_READ, LibcConstants.MAP_SHARED);
        return ExpectedErrno.Check(context, "vfio.common.mmap.no_mmap_flag",
            $"mmap(region {region.Info.Index} flags 0x{region.Info.Flags:x} size 0x{region.Info.Size:x}, offset=0x0, length=0x{page:x}, MAP_SHARED)", errno);
    }
}
