using Lab.TestCases.Model;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Cases;

/// <summary><c>VFIO_DEVICE_GET_INFO</c> with argsz below the minimum (offsetofend num_irqs = 16) is refused.</summary>
public sealed unsafe class DeviceInfoArgszShortCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.device.info_argsz_short";

    /// <inheritdoc/>
    public string Description => "VFIO_DEVICE_GET_INFO with argsz 8 (below minsz 16) is refused";

    /// <inheritdoc/>
    public Requirements Requirements => Requirements.Device;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var info = new vfio_device_info { argsz = 8 };
        // SAFETY: info is a local that outlives the synchronous ioctl; the kernel reads argsz and refuses before writing.
        var errno = context.Device!.TryIoctl(VfioDeviceIoctl.VFIO_DEVICE_GET_INFO, (nint)(&info));
        return ExpectedErrno.Check(context, Id, "VFIO_DEVICE_GET_INFO(argsz=8)", errno);
    }
}
