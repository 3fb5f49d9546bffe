using Lab.TestCases.Model;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Cases;

/// <summary>
/// <c>VFIO_DEVICE_GET_INFO</c> for one driver: its bus flag, the region and IRQ counts of the board's device
/// (platform/amba: 1 region and as many IRQs as its device-tree node lists, 1 for virtio-rng, PL031 and the Exynos
/// PL330s, 9 for the Zynq PL330; PCI: VFIO_PCI_NUM_REGIONS+ / VFIO_PCI_NUM_IRQS), RESET on vfio-pci exactly when the
/// function has a PCI reset method (sysfs reset_method), and RESET on platform/amba exactly
/// when vfiolab-reset.ko registered a handler for the device's first compatible. One class, one instance per driver in the catalog.
/// </summary>
public sealed class DeviceFlagsCase : IVfioCase
{
    private readonly uint _busFlag;
    private readonly Func<uint, bool> _regionsOk;
    private readonly Func<CaseContext, uint?> _irqs;
    private readonly string _counts;

    private DeviceFlagsCase(string driver, uint busFlag, Func<uint, bool> regionsOk, Func<CaseContext, uint?> irqs, string counts)
    {
        Id = "vfio." + driver + ".device.flags";
        Requirements = Requirements.DeviceOf(driver);
        _busFlag = busFlag;
        _regionsOk = regionsOk;
        _irqs = irqs;
        _counts = counts;
    }

    /// <summary>vfio-platform (virtio-rng on the virt board).</summary>
    public static DeviceFlagsCase Platform { get; } = new("platform", VfioConstants.VFIO_DEVICE_FLAGS_PLATFORM, n => n == 1, c => TreeIrqs(c, "platform"), "1 region and the device tree's IRQs");

    /// <summary>vfio-amba (PL031, PL330).</summary>
    public static DeviceFlagsCase Amba { get; } = new("amba", VfioConstants.VFIO_DEVICE_FLAGS_AMBA, n => n == 1, c => TreeIrqs(c, "amba"), "1 region and the device tree's IRQs");

    /// <summary>vfio-pci (edu).</summary>
    public static DeviceFlagsCase Pci { get; } = new("pci", VfioConstants.VFIO_DEVICE_FLAGS_PCI, n => n >= 9, _ => 5, ">= 9 regions (VFIO_PCI_NUM_REGIONS), 5 IRQs (VFIO_PCI_NUM_IRQS)");

    /// <inheritdoc/>
    public string Id { get; }

    /// <inheritdoc/>
    public string Description => "VFIO_DEVICE_GET_INFO: bus flag, region/IRQ counts of the board's device, RESET only with a reset handler";

    /// <inheritdoc/>
    public Requirements Requirements { get; }

    // vfio-amba shows at most AMBA_NR_IRQS (9) of them.
    private static uint? TreeIrqs(CaseContext context, string bus) =>
        DeviceTreeIrqs.Count(context.Syscalls, bus, context.Device!.Name) is { } n ? (uint)Math.Min(n, bus == "amba" ? 9 : n) : null;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var info = context.Device!.GetInfo();
        context.Measure("vfio.device.flags", info.Flags);
        context.Note($"{context.Device.Name}: flags 0x{info.Flags:x} num_regions {info.NumRegions} num_irqs {info.NumIrqs}");
        if ((info.Flags & _busFlag) == 0)
        {
            return CaseOutcome.Fail($"VFIO_DEVICE_GET_INFO flags 0x{info.Flags:x} lack the bus flag 0x{_busFlag:x}");
        }

        var irqs = _irqs(context);
        if (irqs is null)
        {
            return CaseOutcome.Fail($"{context.Device.Name} has no device-tree interrupts to compare num_irqs {info.NumIrqs} with");
        }

        if (!_regionsOk(info.NumRegions) || info.NumIrqs != irqs)
        {
            return CaseOutcome.Fail($"VFIO_DEVICE_GET_INFO num_regions {info.NumRegions} num_irqs {info.NumIrqs}, expected {_counts} ({irqs})");
        }

        if (_busFlag == VfioConstants.VFIO_DEVICE_FLAGS_PCI)
        {
            // vfio-pci: RESET is reset_works, true when the function has a reset method (FLR, PM, bus...).
            var method = ResetHandler.PciResetMethod(context.Syscalls, context.Device.Name, out var methods);
            context.Note("RESET " + (info.SupportsReset ? "offered" : "not offered") + "; " + methods);
            return info.SupportsReset == method
                ? CaseOutcome.Pass()
                : CaseOutcome.Fail($"VFIO_DEVICE_GET_INFO flags 0x{info.Flags:x}: RESET (0x{VfioConstants.VFIO_DEVICE_FLAGS_RESET:x}) " +
                    (method ? "missing although the function has a reset method (" + methods + ")" : "set without a PCI reset method"));
        }

        // NOTE: vfio-platform/amba set RESET only when a reset handler (of_reset) matched the device's first compatible
        // at probe; the default modules have none, kernel/reset/vfiolab-reset.ko registers those lab.json names
        // (compatibles=arm,pl031 on the default lab). The expectation comes from sysfs, not from the flag under test.
        var handler = ResetHandler.Expected(context.Syscalls, context.Device.Name, out var why);
        context.Note("reset handler " + (handler ? "expected" : "not expected") + ": " + why);
        return info.SupportsReset == handler
            ? CaseOutcome.Pass()
            : CaseOutcome.Fail($"VFIO_DEVICE_GET_INFO flags 0x{info.Flags:x}: RESET (0x{VfioConstants.VFIO_DEVICE_FLAGS_RESET:x}) " +
                (handler ? "missing although a handler matches (" + why + "; device bound before the module?)" : "set without a matching handler (" + why + ")"));
    }
}
