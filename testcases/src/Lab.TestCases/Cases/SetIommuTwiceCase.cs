using Lab.TestCases.Model;

namespace Lab.TestCases.Cases;

/// <summary>VFIO_SET_IOMMU on a container whose IOMMU is already set is refused</summary>
public sealed class SetIommuTwiceCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.container.set_iommu_twice";

    /// <inheritdoc/>
    public string Description => "VFIO_SET_IOMMU on a container whose IOMMU is already set is refused";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.Group;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var type = (uint)VfioSession.IommuType(context.Container, context.Iommu);
        return ExpectedErrno.Check(context, Id, $"second VFIO_SET_IOMMU(type={type})", context.Container.TrySetIommu(type));
    }
}
