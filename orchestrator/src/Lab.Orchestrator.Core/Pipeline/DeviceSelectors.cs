using System.Globalization;
using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Config;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>Turns a lab.json device into the selector and driver kernel/bind-device.sh understands.</summary>
public static class DeviceSelectors
{
    public static DeviceBindingRequest For(DeviceConfig device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var driver = DriverName(device.Driver);
        var match = device.Match;
        var selector =
            match.VirtioDeviceId is { } id ? "virtio-id:" + id.ToString(CultureInfo.InvariantCulture) :
            match.AmbaPeriphId is { } amba ? "amba-id:" + amba :
            match.Pci is { } pci ? "pci:" + pci :
            match.Compatible is { } compatible ? "compatible:" + compatible :
            match.SysfsName is { } name ? device.Driver switch
            {
                VfioDriver.VfioPci => "pci-slot:" + name,
                VfioDriver.VfioAmba => "amba:" + name,
                _ => "platform:" + name,
            } :
            throw new NotSupportedException(
                $"device '{device.Name}': match by {string.Join(", ", match.SetKeys)} is not supported by kernel/bind-device.sh " +
                "(use virtioDeviceId, ambaPeriphId, pci, compatible or sysfsName)");
        return new DeviceBindingRequest(selector, driver);
    }

    public static string DriverName(VfioDriver driver) => driver switch
    {
        VfioDriver.VfioAmba => "vfio-amba",
        VfioDriver.VfioPci => "vfio-pci",
        _ => "vfio-platform",
    };

    public static string IommuName(IommuMode mode) => mode == IommuMode.Type1 ? "type1" : "noiommu";
}
