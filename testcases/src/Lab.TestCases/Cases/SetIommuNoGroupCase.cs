using Lab.TestCases.Model;

namespace Lab.TestCases.Cases;

/// <summary>VFIO_SET_IOMMU on a container without a group is refused</summary>
public sealed class SetIommuNoGroupCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.container.set_iommu_no_group";

    /// <inheritdoc/>
    public string Description => "VFIO_SET_IOMMU on a container without a group is refused";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.None;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        using var container = FreshGroup.Container(context);
        var type = FreshGroup.IommuType(context, container);
        return ExpectedErrno.Check(context, Id, $"VFIO_SET_IOMMU(type={type}) on a container with no group", container.TrySetIommu(type));
    }
}
