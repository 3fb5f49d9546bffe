using Lab.TestCases.Model;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Cases;

/// <summary>An ioctl the VFIO uAPI does not define, on a device fd, is refused</summary>
public sealed class DeviceUnknownIoctlCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.device.unknown_ioctl";

    /// <inheritdoc/>
    public string Description => "An ioctl the VFIO uAPI does not define, on a device fd, is refused";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.Device;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        // _IO(VFIO_TYPE, VFIO_BASE + 60): far past the last request the uAPI defines.
        const uint request = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 60);
        return ExpectedErrno.Check(context, Id, $"ioctl(device, 0x{request:x}) (undefined VFIO request)", context.Device!.TryIoctl((VfioDeviceIoctl)request, 0));
    }
}
