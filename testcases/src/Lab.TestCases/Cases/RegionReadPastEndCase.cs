using Lab.TestCases.Model;

namespace Lab.TestCases.Cases;

/// <summary>
/// pread of region 0 at its size (one past the last byte) is refused. On vfio-platform/amba this needs the
/// stable fix "vfio/platform: check the bounds of read/write syscalls"; without it the kernel reads past the
/// ioremap and may oops.
/// </summary>
public sealed class RegionReadPastEndCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.region.read_past_end";

    /// <inheritdoc/>
    public string Description => "pread of 4 bytes at offset region.size of region 0 is refused";

    /// <inheritdoc/>
    public Requirements Requirements => Requirements.Device;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var region = context.Device!.OpenRegion(0);
        var buffer = new byte[4];
        var errno = region.TryRead(region.Info.Size, buffer);
        return ExpectedErrno.Check(context, Id, $"pread(region 0, offset=0x{region.Info.Size:x} (size), count=4)", errno);
    }
}
