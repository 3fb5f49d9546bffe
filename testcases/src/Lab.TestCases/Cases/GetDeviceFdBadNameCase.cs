using Lab.TestCases.Model;

namespace Lab.TestCases.Cases;

/// <summary>VFIO_GROUP_GET_DEVICE_FD with a name not in the group is refused</summary>
public sealed class GetDeviceFdBadNameCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.group.get_device_fd_bad_name";

    /// <inheritdoc/>
    public string Description => "VFIO_GROUP_GET_DEVICE_FD with a name not in the group is refused";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.Group;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        const string name = "no-such-device.vfiolab";
        var errno = context.Group!.TryOpenDevice(name, out var device);
        device?.Dispose();
        return ExpectedErrno.Check(context, Id, $"VFIO_GROUP_GET_DEVICE_FD(\"{name}\")", errno);
    }
}
