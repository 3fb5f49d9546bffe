using Lab.TestCases.Model;

namespace Lab.TestCases.Cases;

/// <summary>VFIO_GROUP_SET_CONTAINER on a group already in a container is refused</summary>
public sealed class SetContainerTwiceCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.group.set_container_twice";

    /// <inheritdoc/>
    public string Description => "VFIO_GROUP_SET_CONTAINER on a group already in a container is refused";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.Group;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        using var second = FreshGroup.Container(context);
        return ExpectedErrno.Check(context, Id, $"VFIO_GROUP_SET_CONTAINER(new container) on attached {context.Group!.Path}", context.Group.TrySetContainer(second));
    }
}
