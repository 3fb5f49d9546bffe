using Lab.TestCases.Model;

namespace Lab.TestCases.Cases;

/// <summary>VFIO_GROUP_SET_CONTAINER with fd -1 is refused</summary>
public sealed class SetContainerBadFdCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.group.set_container_bad_fd";

    /// <inheritdoc/>
    public string Description => "VFIO_GROUP_SET_CONTAINER with fd -1 is refused";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = new(CaseFeature.Group | CaseFeature.FreshGroup);

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        using var group = FreshGroup.Open(context);
        return ExpectedErrno.Check(context, Id, "VFIO_GROUP_SET_CONTAINER(fd=-1)", group.TrySetContainerFd(-1));
    }
}
