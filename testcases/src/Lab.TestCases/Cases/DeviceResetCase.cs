using Lab.TestCases.Model;

namespace Lab.TestCases.Cases;

/// <summary>
/// <c>VFIO_DEVICE_RESET</c>: succeeds when GET_INFO offers RESET (and the device still answers afterwards), and is
/// refused with the driver's errno (data) when it does not (vfio-platform/amba without a reset handler).
/// </summary>
public sealed class DeviceResetCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.device.reset";

    /// <inheritdoc/>
    public string Description => "VFIO_DEVICE_RESET works with the RESET flag and is refused without it";

    /// <inheritdoc/>
    public Requirements Requirements => Requirements.Device;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var device = context.Device!;
        var info = device.GetInfo();
        var errno = device.TryReset();
        if (!info.IsPci)
        {
            ResetHandler.Expected(context.Syscalls, device.Name, out var why);
            context.Note("RESET " + (info.SupportsReset ? "offered" : "not offered") + "; " + why);
        }

        if (!info.SupportsReset)
        {
            return ExpectedErrno.Check(context, Id, $"VFIO_DEVICE_RESET on {device.Name} (flags 0x{info.Flags:x}, no RESET)", errno);
        }

        if (errno != 0) { context.RecordErrno(errno); }
        if (errno != 0) { return CaseOutcome.Fail($"VFIO_DEVICE_RESET on {device.Name} (flags 0x{info.Flags:x} with RESET): {ExpectedErrno.Describe(errno)}"); }
        var after = device.GetInfo();
        return after.Flags == info.Flags
            ? CaseOutcome.Pass()
            : CaseOutcome.Fail($"VFIO_DEVICE_GET_INFO flags 0x{after.Flags:x} after VFIO_DEVICE_RESET, 0x{info.Flags:x} before");
    }
}
