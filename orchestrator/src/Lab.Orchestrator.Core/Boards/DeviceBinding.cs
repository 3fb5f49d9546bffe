namespace Lab.Orchestrator.Core.Boards;

/// <summary>A device bound to a VFIO driver on a board (the key=value output of kernel/bind-device.sh).</summary>
/// <param name="Selector">How it was found, e.g. <c>virtio-id:4</c>.</param>
/// <param name="Bus">platform, amba or pci.</param>
/// <param name="Device">The sysfs device name, e.g. <c>9010000.pl031</c>.</param>
/// <param name="Driver">The driver now bound.</param>
/// <param name="OriginalDriver">The driver before the first bind (empty: none); restore returns to it.</param>
/// <param name="Group">The IOMMU group number, empty when the device has none.</param>
/// <param name="GroupDevice">/dev/vfio/N or /dev/vfio/noiommu-N, empty when no VFIO group exists.</param>
public sealed record DeviceBinding(string Selector, string Bus, string Device, string Driver, string OriginalDriver, string Group, string GroupDevice)
{
    /// <summary>Parses the script's output.</summary>
    public static DeviceBinding Parse(string selector, string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
        string V(string key) => values.TryGetValue(key, out var v) ? v : string.Empty;
        return new DeviceBinding(selector, V("BUS"), V("DEVICE"), V("DRIVER"), V("ORIGINAL"), V("GROUP"), V("GROUP_DEV"));
    }
}
