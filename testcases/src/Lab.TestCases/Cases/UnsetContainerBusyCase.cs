using Lab.TestCases.Model;

namespace Lab.TestCases.Cases;

/// <summary>VFIO_GROUP_UNSET_CONTAINER while a device fd is open is refused</summary>
public sealed class UnsetContainerBusyCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.group.unset_container_busy";

    /// <inheritdoc/>
    public string Description => "VFIO_GROUP_UNSET_CONTAINER while a device fd is open is refused";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.Device;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        return ExpectedErrno.Check(context, Id, $"VFIO_GROUP_UNSET_CONTAINER on {context.Group!.Path} with {context.Device!.Name} open", context.Group.TryUnsetContainer());
    }
}
