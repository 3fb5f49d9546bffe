using Lab.Vfio.Interop;

namespace Lab.TestCases.Model;

/// <summary>
/// How many interrupts a platform or AMBA device's device-tree node lists (<c>of_node/interrupts</c>): the count
/// vfio-platform and vfio-amba show as IRQ indexes (vfio-amba up to AMBA_NR_IRQS, 9). Every lab board's interrupt
/// controller is a GIC, whose specifiers are 3 cells (type, number, flags) of 4 bytes.
/// </summary>
public static class DeviceTreeIrqs
{
    /// <summary>Bytes of one GIC interrupt specifier.</summary>
    public const int GicSpecifierBytes = 12;

    /// <summary>The number of interrupts of <paramref name="deviceName"/> on <paramref name="bus"/>, or null when it has no device-tree node or no whole GIC specifiers.</summary>
    public static int? Count(IVfioSyscalls syscalls, string bus, string deviceName)
    {
        var specifiers = SysfsFile.Read(syscalls, "/sys/bus/" + bus + "/devices/" + deviceName + "/of_node/interrupts", 1024);
        return specifiers is not { Length: > 0 } || specifiers.Length % GicSpecifierBytes != 0 ? null : specifiers.Length / GicSpecifierBytes;
    }
}
