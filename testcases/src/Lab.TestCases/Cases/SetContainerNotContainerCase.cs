using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>VFIO_GROUP_SET_CONTAINER with an eventfd (not a container) is refused</summary>
public sealed class SetContainerNotContainerCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.group.set_container_not_container";

    /// <inheritdoc/>
    public string Description => "VFIO_GROUP_SET_CONTAINER with an eventfd (not a container) is refused";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = new(CaseFeature.Group | CaseFeature.FreshGroup);

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        using var group = FreshGroup.Open(context);
        using var eventfd = Eventfd.Create(context.Syscalls);
        return ExpectedErrno.Check(context, Id, "VFIO_GROUP_SET_CONTAINER(fd=eventfd)", group.TrySetContainer(eventfd));
    }
}
