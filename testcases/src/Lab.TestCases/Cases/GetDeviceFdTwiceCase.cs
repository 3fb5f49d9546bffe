using Lab.TestCases.Model;

namespace Lab.TestCases.Cases;

/// <summary>VFIO_GROUP_GET_DEVICE_FD for a device that already has an open fd (the kernel counts opens)</summary>
public sealed class GetDeviceFdTwiceCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.group.get_device_fd_twice";

    /// <inheritdoc/>
    public string Description => "VFIO_GROUP_GET_DEVICE_FD for a device that already has an open fd (the kernel counts opens)";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.Device;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var name = context.Device!.Name;
        var errno = context.Group!.TryOpenDevice(name, out var device);
        using (device)
        {
            if (errno == 0) { context.Note("second fd: VFIO_DEVICE_GET_INFO flags 0x" + device!.GetInfo().Flags.ToString("x", System.Globalization.CultureInfo.InvariantCulture)); }
        }

        return ExpectedErrno.Check(context, Id, $"second VFIO_GROUP_GET_DEVICE_FD(\"{name}\")", errno);
    }
}
