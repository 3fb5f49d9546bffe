using System.Text;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Model;

/// <summary>
/// Whether vfio-platform/amba should offer <c>VFIO_DEVICE_FLAGS_RESET</c> for a device, learnt from the board
/// rather than from the flag itself: kernel/reset/vfiolab-reset.ko publishes the compatibles it registered in
/// <c>/sys/module/vfiolab_reset/parameters/compatibles</c> (';'-separated), and vfio-platform looks a handler up
/// at probe by the device's FIRST <c>compatible</c> string (<c>/sys/bus/{platform,amba}/devices/NAME/of_node/compatible</c>).
/// </summary>
public static class ResetHandler
{
    /// <summary>Where vfiolab-reset.ko shows what it registered.</summary>
    public const string ParameterPath = "/sys/module/vfiolab_reset/parameters/compatibles";

    /// <summary>The compatibles vfiolab-reset registered, or null when the module is not loaded.</summary>
    public static IReadOnlyList<string>? Registered(IVfioSyscalls syscalls)
    {
        var text = ReadText(syscalls, ParameterPath);
        return text?.Trim().Split([';'], StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The device's first compatible string (from its device-tree node), or null when it has none.</summary>
    public static string? FirstCompatible(IVfioSyscalls syscalls, string deviceName)
    {
        foreach (var bus in new[] { "platform", "amba" })
        {
            var text = ReadText(syscalls, "/sys/bus/" + bus + "/devices/" + deviceName + "/of_node/compatible");
            if (text is not null) { return text.Split('\0')[0]; }
        }

        return null;
    }

    /// <summary>
    /// Whether a handler matches <paramref name="deviceName"/>, with the facts that decided it
    /// (<c>"compatible arm,pl031; vfiolab_reset registers arm,pl031"</c>).
    /// </summary>
    public static bool Expected(IVfioSyscalls syscalls, string deviceName, out string why)
    {
        var compatible = FirstCompatible(syscalls, deviceName);
        var registered = Registered(syscalls);
        why = "compatible " + (compatible ?? "(none)") + "; vfiolab_reset " +
            (registered is null ? "not loaded" : "registers '" + string.Join(";", registered) + "'");
        return compatible is not null && registered is not null && registered.Contains(compatible, StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether vfio-pci should offer RESET for a PCI function: it sets reset_works when pci_try_reset_function succeeds
    /// at open, which needs a reset method; sysfs lists them in <c>/sys/bus/pci/devices/BDF/reset_method</c>, a file
    /// that exists only when there is at least one.
    /// </summary>
    public static bool PciResetMethod(IVfioSyscalls syscalls, string deviceName, out string why)
    {
        var methods = ReadText(syscalls, "/sys/bus/pci/devices/" + deviceName + "/reset_method")?.Trim();
        why = string.IsNullOrEmpty(methods) ? "no PCI reset method (no reset_method in sysfs)" : "PCI reset methods: " + methods;
        return !string.IsNullOrEmpty(methods);
    }

    private static string? ReadText(IVfioSyscalls syscalls, string path) =>
        SysfsFile.Read(syscalls, path) is { } bytes ? Encoding.ASCII.GetString(bytes).TrimEnd('\n', '\0') : null;
}
