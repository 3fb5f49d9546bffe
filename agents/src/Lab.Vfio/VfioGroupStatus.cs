using Lab.Vfio.Interop;

namespace Lab.Vfio;

/// <summary>The answer of <c>VFIO_GROUP_GET_STATUS</c>.</summary>
/// <param name="Flags"><c>VFIO_GROUP_FLAGS_*</c>.</param>
public sealed record VfioGroupStatus(uint Flags)
{
    /// <summary>All devices of the group are bound to VFIO drivers (or none).</summary>
    public bool Viable => (Flags & VfioConstants.VFIO_GROUP_FLAGS_VIABLE) != 0;

    /// <summary>The group is attached to a container.</summary>
    public bool ContainerSet => (Flags & VfioConstants.VFIO_GROUP_FLAGS_CONTAINER_SET) != 0;
}
