using Lab.TestCases.Model;

namespace Lab.TestCases.Cases;

/// <summary>VFIO_GROUP_GET_DEVICE_FD before the group is in a container is refused</summary>
public sealed class GetDeviceFdNoContainerCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.group.get_device_fd_no_container";

    /// <inheritdoc/>
    public string Description => "VFIO_GROUP_GET_DEVICE_FD before the group is in a container is refused";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = new(CaseFeature.Group | CaseFeature.Device | CaseFeature.FreshGroup);

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        using var group = FreshGroup.Open(context);
        var name = context.Session.DeviceName!;
        var errno = group.TryOpenDevice(name, out var device);
        device?.Dispose();
        return ExpectedErrno.Check(context, Id, $"VFIO_GROUP_GET_DEVICE_FD(\"{name}\") without SET_CONTAINER", errno);
    }
}
