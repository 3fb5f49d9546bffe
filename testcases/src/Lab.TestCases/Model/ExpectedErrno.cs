using Lab.Vfio;

namespace Lab.TestCases.Model;

/// <summary>
/// The errno a negative uAPI call should return, as data keyed by case and (when kernels or drivers differ)
/// by driver and kernel version. The most specific matching row wins.
/// </summary>
public static class ExpectedErrno
{
    private static readonly (string CaseId, string? Driver, Version? MinKernel, int Errno)[] Rows =
    [
        ("vfio.common.region.info", null, null, Errno.EINVAL),
        ("vfio.common.irq.info", null, null, Errno.EINVAL),
        ("vfio.common.container.extensions", null, null, 0),
    ];

    /// <summary>The expected errno for <paramref name="caseId"/>; throws when the table has no row.</summary>
    public static int For(string caseId, string? driver = null, Version? kernel = null)
    {
        var match = Rows
            .Where(r => r.CaseId == caseId && (r.Driver is null || r.Driver == driver) && (r.MinKernel is null || (kernel is not null && kernel >= r.MinKernel)))
            .OrderByDescending(r => (r.Driver is null ? 0 : 2) + (r.MinKernel is null ? 0 : 1))
            .Select(r => (int?)r.Errno)
            .FirstOrDefault();
        return match ?? throw new KeyNotFoundException("no expected errno for " + caseId);
    }
}
