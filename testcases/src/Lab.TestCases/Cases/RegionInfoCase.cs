using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// <c>VFIO_DEVICE_GET_REGION_INFO</c> for every index: index echoed, distinct page-aligned offsets, mmap-able
/// regions page sized; one past the last index is rejected with the expected errno.
/// </summary>
public sealed class RegionInfoCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.region.info";

    /// <inheritdoc/>
    public string Description => "VFIO_DEVICE_GET_REGION_INFO is consistent for every region and rejects index num_regions";

    /// <inheritdoc/>
    public Requirements Requirements => Requirements.Device;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var device = context.Device!;
        var n = device.GetInfo().NumRegions;
        var page = (ulong)context.Syscalls.PageSize;
        var offsets = new HashSet<ulong>();
        for (uint i = 0; i < n; i++)
        {
            var got = device.TryGetRegionInfo(i, out var info);
            if (got != 0)
            {
                // An index the driver counts but refuses (data: ExpectedErrno "{Id}#{i}"), e.g. vfio-pci's VGA region.
                var allowed = ExpectedErrno.TryFor(Id + "#" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), context.Driver, context.Kernel);
                context.RecordErrno(got);
                if (allowed == got) { context.Note($"index {i}: VFIO_DEVICE_GET_REGION_INFO {Errno.Name(got)} (absent on vfio-{context.Driver})"); continue; }
                return CaseOutcome.Fail($"VFIO_DEVICE_GET_REGION_INFO(index={i}) below the count {n}: {ExpectedErrno.Describe(got)} on {context.Kernel} vfio-{context.Driver}");
            }

            var r = info!;
            context.Measure($"vfio.region{i}.size", r.Size, "bytes");
            context.Note($"region {i}: flags 0x{r.Flags:x} size 0x{r.Size:x} offset 0x{r.Offset:x}");
            if (r.Index != i) { return CaseOutcome.Fail($"VFIO_DEVICE_GET_REGION_INFO(index={i}) echoed index {r.Index}"); }
            if (r.Offset % page != 0) { return CaseOutcome.Fail($"region {i} offset 0x{r.Offset:x} is not page aligned"); }
            if (!offsets.Add(r.Offset)) { return CaseOutcome.Fail($"region {i} offset 0x{r.Offset:x} repeats another region's"); }
            if (r.CanMmap && r.SparseMmapAreas is null && r.Size % page != 0)
            {
                return CaseOutcome.Fail($"region {i} is MMAP but its size 0x{r.Size:x} is not a page multiple");
            }
        }

        var errno = device.TryGetRegionInfo(n, out _);
        context.RecordErrno(errno);
        var expected = ExpectedErrno.For(Id);
        return errno == expected
            ? CaseOutcome.Pass()
            : CaseOutcome.Fail($"VFIO_DEVICE_GET_REGION_INFO(index={n}) gave errno {errno} {Errno.Name(errno)}, expected {expected} {Errno.Name(expected)}");
    }
}
