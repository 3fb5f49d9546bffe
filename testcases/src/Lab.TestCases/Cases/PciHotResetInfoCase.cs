using Lab.TestCases.Model;

namespace Lab.TestCases.Cases;

/// <summary>
/// <c>VFIO_DEVICE_GET_PCI_HOT_RESET_INFO</c>: vfio-pci answers with the devices a slot/bus reset would affect (which
/// must include the device's own group) or refuses with the errno the table holds for it (edu sits on the root bus of
/// QEMU virt, which has no bridge to reset); vfio-platform/amba do not know the ioctl.
/// </summary>
public sealed class PciHotResetInfoCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.device.pci_hot_reset_info";

    /// <inheritdoc/>
    public string Description => "VFIO_DEVICE_GET_PCI_HOT_RESET_INFO: dependent devices on vfio-pci, refused elsewhere";

    /// <inheritdoc/>
    public Requirements Requirements => Requirements.Device;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var device = context.Device!;
        var errno = device.TryGetPciHotResetInfo(out var devices);
        if (errno != 0 || devices is null)
        {
            return ExpectedErrno.Check(context, Id, $"VFIO_DEVICE_GET_PCI_HOT_RESET_INFO on {device.Name} (vfio-{context.Driver})", errno);
        }

        context.Note($"{devices.Count} dependent device(s): {string.Join(", ", devices)}");
        context.Measure("vfio.hot_reset.dependent_devices", devices.Count);
        var expected = ExpectedErrno.For(Id, context.Driver, context.Kernel);
        if (expected != 0) { return CaseOutcome.Fail($"VFIO_DEVICE_GET_PCI_HOT_RESET_INFO on {device.Name} succeeded ({devices.Count} devices), the table expects {ExpectedErrno.Describe(expected)}"); }
        return devices.Count > 0
            ? CaseOutcome.Pass()
            : CaseOutcome.Fail($"VFIO_DEVICE_GET_PCI_HOT_RESET_INFO on {device.Name}: success with 0 devices (the device itself must be listed)");
    }
}
