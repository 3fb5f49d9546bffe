using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// <c>VFIO_CHECK_EXTENSION</c>: the run's IOMMU model is reported, every known id answers 0 or 1, and an id
/// no kernel knows (0) answers 0 without an error. Where kernels differ, the answer is data: type1 answers the
/// nesting id (6) as it answers type1 itself before 6.13, and from 6.13 the id is reserved and answers 0 (seen: 1 on
/// Debian 6.1 and 6.12, 0 on 7.2).
/// </summary>
public sealed class ExtensionsCase : IVfioCase
{
    private static readonly VfioExtension[] Known =
    [
        VfioExtension.Type1, VfioExtension.SpaprTce, VfioExtension.Type1v2, VfioExtension.DmaCcIommu, VfioExtension.Eeh,
        VfioExtension.Type1Nesting, VfioExtension.SpaprTceV2, VfioExtension.NoIommu, VfioExtension.UnmapAll, VfioExtension.UpdateVaddr,
    ];

    /// <summary>The first kernel whose type1 no longer offers <c>VFIO_TYPE1_NESTING_IOMMU</c> (<c>__VFIO_RESERVED_TYPE1_NESTING_IOMMU</c>).</summary>
    private static readonly Version NestingReservedFrom = new(6, 13);

    /// <inheritdoc/>
    public string Id => "vfio.common.container.extensions";

    /// <inheritdoc/>
    public string Description => "VFIO_CHECK_EXTENSION reports the run's IOMMU model and 0/1 for every extension id";

    /// <inheritdoc/>
    public Requirements Requirements => Requirements.None;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var answers = new Dictionary<VfioExtension, bool>();
        foreach (var ext in Known)
        {
            var errno = context.Container.TryCheckExtension((uint)ext, out var result);
            if (errno != 0) { return CaseOutcome.Fail($"VFIO_CHECK_EXTENSION({ext}) failed: errno {errno} {Errno.Name(errno)}"); }
            if (result is not (0 or 1)) { return CaseOutcome.Fail($"VFIO_CHECK_EXTENSION({ext}) returned {result}, expected 0 or 1"); }
            context.Measure("vfio.extension." + ext.ToString().ToLowerInvariant(), result);
            answers[ext] = result == 1;
        }

        var nesting = answers[VfioExtension.Type1Nesting];
        if (context.Kernel is { } kernel)
        {
            var expected = kernel < NestingReservedFrom && answers[VfioExtension.Type1];
            if (nesting != expected)
            {
                return CaseOutcome.Fail($"VFIO_CHECK_EXTENSION(Type1Nesting) = {(nesting ? 1 : 0)} on {kernel}, expected {(expected ? 1 : 0)} "
                    + (kernel >= NestingReservedFrom ? "(the id is reserved from 6.13)" : "(type1 answers it as it answers Type1 before 6.13)"));
            }
        }

        var unknown = context.Container.TryCheckExtension(0, out var zero);
        context.RecordErrno(unknown);
        if (unknown != ExpectedErrno.For(Id) || zero != 0)
        {
            return CaseOutcome.Fail($"VFIO_CHECK_EXTENSION(0) gave errno {unknown} {Errno.Name(unknown)}, result {zero}; expected 0, 0");
        }

        var needed = context.Iommu == IommuMode.NoIommu ? [VfioExtension.NoIommu] : new[] { VfioExtension.Type1v2, VfioExtension.Type1 };
        return needed.Any(context.Container.CheckExtension)
            ? CaseOutcome.Pass()
            : CaseOutcome.Fail($"VFIO_CHECK_EXTENSION reports none of {string.Join("/", needed)} for --iommu {context.Iommu}");
    }
}
