using Lab.Orchestrator.Core.Results;
using Lab.TestCases;
using Lab.TestCases.Coverage;

namespace Lab.Orchestrator.Coverage;

/// <summary>
/// The uAPI coverage matrix: for each cell (ioctl x flag/action) and driver, the catalog cases that cover it with
/// their last status. Results are stored as <c>CASE@DEVICE</c>; a device's driver is learnt from the driver-specific
/// cases (<c>vfio.amba.*@pl031</c> that did not skip makes pl031 an amba device).
/// </summary>
internal static class CoverageMatrix
{
    /// <summary>
    /// Builds the matrix from the newest result of each <c>CASE@DEVICE</c>. <paramref name="knownDrivers"/> (device name
    /// to <c>platform</c>/<c>amba</c>/<c>pci</c>, from lab.json) places devices whose driver-specific cases did not run
    /// (a run of <c>vfio.common.*</c> only); what the results show wins over it.
    /// </summary>
    public static IReadOnlyList<CoverageRow> Build(IReadOnlyDictionary<string, TestStatus> latest, IReadOnlyDictionary<string, string>? knownDrivers = null)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var driverOfDevice = new Dictionary<string, string>(knownDrivers ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (testId, status) in latest)
        {
            var (caseId, device) = Split(testId);
            var parts = caseId.Split('.');
            if (device is not null && status != TestStatus.Skip && parts.Length == 4 && CaseCoverage.Drivers.Contains(parts[1]))
            {
                driverOfDevice[device] = parts[1];
            }
        }

        var rows = new List<CoverageRow>();
        foreach (var cell in CaseCoverage.AllCells)
        {
            var byDriver = new Dictionary<string, IReadOnlyList<CoveringCase>>(StringComparer.Ordinal);
            foreach (var driver in CaseCoverage.Drivers)
            {
                var covering = new List<CoveringCase>();
                foreach (var c in Catalog.All.Where(c => CaseCoverage.For(c.Id).Contains(cell) && CaseCoverage.DriversOf(c).Contains(driver)))
                {
                    // Worst status over the devices of this driver; null when it never ran there.
                    TestStatus? status = null;
                    foreach (var (testId, s) in latest)
                    {
                        var (caseId, device) = Split(testId);
                        if (caseId == c.Id && device is not null && driverOfDevice.TryGetValue(device, out var d) && d == driver)
                        {
                            status = status is null || Rank(s) > Rank(status.Value) ? s : status;
                        }
                    }

                    covering.Add(new CoveringCase(c.Id, status));
                }

                byDriver[driver] = covering;
            }

            var notApplicable = CaseCoverage.Drivers
                .Select(d => (Driver: d, Reason: CoverageNotApplicable.Reason(cell, d)))
                .Where(x => x.Reason is not null)
                .ToDictionary(x => x.Driver, x => x.Reason!, StringComparer.Ordinal);
            rows.Add(new CoverageRow(cell, byDriver) { NotApplicable = notApplicable });
        }

        return rows;
    }

    private static (string CaseId, string? Device) Split(string testId)
    {
        var at = testId.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? (testId, null) : (testId[..at], testId[(at + 1)..]);
    }

    // KCIDB priority: FAIL > ERROR > MISS > PASS > DONE > SKIP.
    private static int Rank(TestStatus s) => s switch
    {
        TestStatus.Fail => 5,
        TestStatus.Error => 4,
        TestStatus.Miss => 3,
        TestStatus.Pass => 2,
        TestStatus.Done => 1,
        _ => 0,
    };
}
