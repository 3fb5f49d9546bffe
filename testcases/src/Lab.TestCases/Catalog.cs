using Lab.TestCases.Cases;
using Lab.TestCases.Model;

namespace Lab.TestCases;

/// <summary>
/// Every case the agent can run, listed explicitly (no reflection: the arm64 agent is NativeAOT). Add a case:
/// write its class under <c>Cases/</c> and add one line here.
/// </summary>
public static class Catalog
{
    /// <summary>All cases, in run order.</summary>
    public static IReadOnlyList<IVfioCase> All { get; } =
    [
        new ApiVersionCase(),
        new ExtensionsCase(),
        new GroupStatusCase(),
        new DeviceInfoCase(),
        new RegionInfoCase(),
        new IrqInfoCase(),
    ];

    /// <summary>The cases whose id matches <paramref name="pattern"/> (see <see cref="CaseIds.Matches"/>).</summary>
    public static IReadOnlyList<IVfioCase> Find(string? pattern) => All.Where(c => CaseIds.Matches(c.Id, pattern)).ToList();
}
