using Lab.TestCases.Model;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Cases;

/// <summary>VFIO_SET_IOMMU with a type no IOMMU driver offers (SPAPR_TCE on arm64) is refused</summary>
public sealed class SetIommuUnsupportedCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.container.set_iommu_unsupported";

    /// <inheritdoc/>
    public string Description => "VFIO_SET_IOMMU with a type no IOMMU driver offers (SPAPR_TCE on arm64) is refused";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = new(CaseFeature.Group | CaseFeature.FreshGroup);

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        using var container = FreshGroup.Container(context);
        using var group = FreshGroup.Open(context);
        group.SetContainer(container);
        const uint type = VfioConstants.VFIO_SPAPR_TCE_IOMMU;
        return ExpectedErrno.Check(context, Id, $"VFIO_SET_IOMMU(type={type} SPAPR_TCE) with {group.Path} attached", container.TrySetIommu(type));
    }
}
