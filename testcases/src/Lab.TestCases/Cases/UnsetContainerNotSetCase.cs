using Lab.TestCases.Model;

namespace Lab.TestCases.Cases;

/// <summary>VFIO_GROUP_UNSET_CONTAINER on a group in no container is refused</summary>
public sealed class UnsetContainerNotSetCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.group.unset_container_not_set";

    /// <inheritdoc/>
    public string Description => "VFIO_GROUP_UNSET_CONTAINER on a group in no container is refused";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = new(CaseFeature.Group | CaseFeature.FreshGroup);

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        using var group = FreshGroup.Open(context);
        return ExpectedErrno.Check(context, Id, $"VFIO_GROUP_UNSET_CONTAINER on unattached {group.Path}", group.TryUnsetContainer());
    }
}
