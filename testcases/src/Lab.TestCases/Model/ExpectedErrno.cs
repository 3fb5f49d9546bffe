using System.Globalization;
using Lab.Vfio;

namespace Lab.TestCases.Model;

/// <summary>
/// The errno a negative uAPI call should return, as data keyed by case and (when kernels or drivers differ)
/// by driver and kernel version range. The most specific matching row wins. 0 means "the call succeeds".
/// </summary>
/// <remarks>
/// Rows were checked against drivers/vfio of the running kernel (Debian 6.1) on the QEMU virt board; a kernel
/// that changes an errno shows up as "expected X, got Y on 6.x" and gets a row with a kernel range.
/// </remarks>
public static class ExpectedErrno
{
    private static readonly ExpectedErrnoRow[] Rows =
    [
        new("vfio.common.region.info", Errno.EINVAL),
        new("vfio.common.irq.info", Errno.EINVAL),

        // Indexes below num_regions/num_irqs the kernel still refuses ("CASE#INDEX"): vfio-pci counts the VGA region
        // (8) and the ERR IRQ (3) for every device but answers EINVAL unless the device does VGA / is PCIe (edu is neither).
        new("vfio.common.region.info#8", Errno.EINVAL, "pci"),
        new("vfio.common.irq.info#3", Errno.EINVAL, "pci"),
        new("vfio.common.container.extensions", 0),

        // container.c vfio_ioctl_set_iommu: no group -> EINVAL; no driver takes the type -> ENODEV; driver set -> EINVAL.
        new("vfio.common.container.set_iommu_no_group", Errno.EINVAL),
        new("vfio.common.container.set_iommu_unsupported", Errno.ENODEV),
        new("vfio.common.container.set_iommu_twice", Errno.EINVAL),

        // group.c vfio_group_ioctl_set_container: fdget(-1) -> EBADF; not a container file -> EINVAL; already set -> EINVAL.
        new("vfio.common.group.set_container_bad_fd", Errno.EBADF),
        new("vfio.common.group.set_container_not_container", Errno.EINVAL),
        // From 6.2 group.c also takes an iommufd: a file that is neither answers EBADFD (seen on Debian 6.12).
        new("vfio.common.group.set_container_not_container", Errno.EBADFD, MinKernel: new Version(6, 2)),
        new("vfio.common.group.set_container_twice", Errno.EINVAL),

        // group.c vfio_group_ioctl_unset_container: no container -> EINVAL; device fd open -> EBUSY.
        new("vfio.common.group.unset_container_not_set", Errno.EINVAL),
        new("vfio.common.group.unset_container_busy", Errno.EBUSY),

        // group.c vfio_group_ioctl_get_device_fd / vfio_device_get_from_name: unknown name -> ENODEV;
        // no container or no IOMMU driver -> EINVAL; a second fd on an open device is allowed (open_count).
        new("vfio.common.group.get_device_fd_bad_name", Errno.ENODEV),
        new("vfio.common.group.get_device_fd_no_container", Errno.EINVAL),
        new("vfio.common.group.get_device_fd_no_iommu", Errno.EINVAL),
        new("vfio.common.group.get_device_fd_twice", 0),

        // Device fd: unknown request -> ENOTTY (vfio_device_fops_unl_ioctl -> driver ioctl default);
        // argsz below minsz -> EINVAL.
        new("vfio.common.device.unknown_ioctl", Errno.ENOTTY),
        new("vfio.common.device.info_argsz_short", Errno.EINVAL),

        // VFIO_DEVICE_RESET without RESET: vfio-platform/amba (no reset handler) and vfio-pci (!reset_works) -> EINVAL.
        new("vfio.common.device.reset", Errno.EINVAL),

        // Region pread past the end: vfio-platform/amba and vfio-pci -> EINVAL.
        new("vfio.common.region.read_past_end", Errno.EINVAL),

        // mmap: vfio_platform_mmap / vfio_pci_core_mmap: no VM_SHARED, past the region, or no MMAP flag -> EINVAL.
        new("vfio.common.mmap.private", Errno.EINVAL),
        new("vfio.common.mmap.offset_past_end", Errno.EINVAL),
        new("vfio.common.mmap.length_past_end", Errno.EINVAL),
        new("vfio.common.mmap.no_mmap_flag", Errno.EINVAL),

        // SET_IRQS: vfio_set_irqs_validate_and_prepare refuses start+count > count and index >= num_irqs with EINVAL.
        new("vfio.common.irq.set_bad_start", Errno.EINVAL),
        new("vfio.common.irq.set_bad_index", Errno.EINVAL),

        // MASK on an IRQ without MASKABLE: vfio-platform checks the flag (EINVAL, seen on 6.1 with virtio-mmio's edge IRQ);
        // vfio-pci has no MASK for MSI/MSI-X (no handler -> ENOTTY).
        new("vfio.common.irq.mask_edge", Errno.EINVAL),
        new("vfio.common.irq.mask_edge", Errno.ENOTTY, "pci"),

        // MASK with DATA_EVENTFD: vfio-platform/amba implement it (a virqfd that masks when signalled) -> 0;
        // vfio-pci INTx does not ("XXX implement me") -> EINVAL.
        new("vfio.common.irq.mask_eventfd", 0),
        new("vfio.common.irq.mask_eventfd", Errno.EINVAL, "pci"),

        // A second disable (DATA_NONE|TRIGGER, count 0) when nothing is enabled: vfio-platform accepts it; vfio-pci's
        // vfio_pci_set_intx_trigger only treats count 0 as disable while INTx is on, then wants count 1 -> EINVAL.
        new("vfio.common.irq.disable_count0", 0),
        new("vfio.common.irq.disable_count0", Errno.EINVAL, "pci"),

        // type1 vfio_dma_do_map: vaddr/iova/size not aligned to the IOMMU page -> EINVAL; outside the valid IOVA ranges
        // (the MSI window) -> EINVAL; overlap -> EEXIST. vfio_dma_do_unmap: nothing there -> success, 0 bytes; unknown
        // flag -> EINVAL.
        new("vfio.common.dma.map_unaligned_vaddr", Errno.EINVAL),
        new("vfio.common.dma.map_unaligned_iova", Errno.EINVAL),
        new("vfio.common.dma.map_unaligned_size", Errno.EINVAL),
        new("vfio.common.dma.map_msi_hole", Errno.EINVAL),
        new("vfio.common.dma.map_overlap", Errno.EEXIST),
        new("vfio.common.dma.unmap_nothing", 0),
        new("vfio.common.dma.unmap_bad_flags", Errno.EINVAL),

        // edu (vfio-pci): vfio_pci_set_msi_trigger refuses MSI while another IRQ type (INTx) is enabled -> EINVAL.
        new("vfio.pci.irq.edu_intx#msi_while_intx", Errno.EINVAL, "pci"),

        // Region pread/pwrite per probe ("CASE#PROBE[.KIND]", KIND mmio|bar|rom|config). vfio-platform/amba and vfio-pci
        // BARs clip a straddling access to the region (a short count) and refuse one starting at the size (EINVAL);
        // vfio-pci's config space refuses anything reaching past cfg_size whole (vfio_config_do_rw -> EFAULT).
        new("vfio.common.region.rw_widths#read1", 0),
        new("vfio.common.region.rw_widths#read2", 0),
        new("vfio.common.region.rw_widths#read4", 0),
        new("vfio.common.region.rw_widths#read8", 0),
        new("vfio.common.region.rw_widths#read_unaligned", 0),
        new("vfio.common.region.rw_widths#read_straddle", 0),
        new("vfio.common.region.rw_widths#read_straddle.config", Errno.EFAULT, "pci"),
        new("vfio.common.region.rw_widths#read_past_end", Errno.EINVAL),
        new("vfio.common.region.rw_widths#read_past_end.config", Errno.EFAULT, "pci"),
        new("vfio.common.region.rw_widths#write1", 0),
        new("vfio.common.region.rw_widths#write2", 0),
        new("vfio.common.region.rw_widths#write4", 0),
        new("vfio.common.region.rw_widths#write8", 0),
        new("vfio.common.region.rw_widths#write_past_end", Errno.EINVAL),
        new("vfio.common.region.rw_widths#write_past_end.config", Errno.EFAULT, "pci"),
        // Not yet seen on a board (no lab device has a read-only region): from the 6.1 source, vfio_platform_write checks
        // the WRITE flag and vfio_pci_rw refuses writes to the ROM, both with EINVAL.
        new("vfio.common.region.rw_widths#write_ro", Errno.EINVAL),

        // VFIO_DEVICE_FEATURE (vfio_main.c vfio_ioctl_device_feature): unknown flag bits and GET|SET without PROBE ->
        // EINVAL before the feature is looked at; argsz < 8 -> EINVAL; MIGRATION without mig_ops -> ENOTTY; an index
        // no core feature claims goes to the driver's device_feature (vfio-pci: ENOTTY; none in vfio-platform: ENOTTY);
        // LOW_POWER_ENTRY is vfio-pci's (PROBE|SET -> 0).
        new("vfio.common.device.feature#migration", Errno.ENOTTY),
        new("vfio.common.device.feature#unknown_index", Errno.ENOTTY),
        new("vfio.common.device.feature#low_power_entry", Errno.ENOTTY),
        new("vfio.common.device.feature#low_power_entry", 0, "pci"),
        new("vfio.common.device.feature#unknown_flag", Errno.EINVAL),
        new("vfio.common.device.feature#get_and_set", Errno.EINVAL),
        new("vfio.common.device.feature#argsz_short", Errno.EINVAL),

        // VFIO_DEVICE_GET_PCI_HOT_RESET_INFO: not a vfio-platform ioctl (ENOTTY); vfio-pci: edu on virt's root bus,
        // no slot reset and pci_probe_reset_bus fails without a bridge -> ENODEV.
        new("vfio.common.device.pci_hot_reset_info", Errno.ENOTTY),
        new("vfio.common.device.pci_hot_reset_info", Errno.ENODEV, "pci"),
    ];

    /// <summary>The expected errno for <paramref name="caseId"/>; throws when the table has no row.</summary>
    public static int For(string caseId, string? driver = null, Version? kernel = null)
    {
        var match = Rows
            .Where(r => r.Matches(caseId, driver, kernel))
            .OrderByDescending(r => r.Specificity)
            .Select(r => (int?)r.Errno)
            .FirstOrDefault();
        return match ?? throw new KeyNotFoundException("no expected errno for " + caseId);
    }

    /// <summary>The expected errno for <paramref name="key"/>, or null when the table has no row (the call must succeed).</summary>
    public static int? TryFor(string key, string? driver = null, Version? kernel = null) =>
        Rows.Where(r => r.Matches(key, driver, kernel)).OrderByDescending(r => r.Specificity).Select(r => (int?)r.Errno).FirstOrDefault();

    /// <summary>"EINVAL (22)" or "success (0)".</summary>
    public static string Describe(int errno) =>
        errno == 0 ? "success (0)" : Errno.Name(errno) + " (" + errno.ToString(CultureInfo.InvariantCulture) + ")";

    /// <summary>
    /// Compares <paramref name="actual"/> with the table: records it, passes on a match, otherwise fails with
    /// "CALL: expected EINVAL (22), got ENOTTY (25) on 6.1.0 vfio-amba".
    /// </summary>
    public static CaseOutcome Check(CaseContext context, string caseId, string call, int actual)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        if (actual != 0) { context.RecordErrno(actual); }
        var driver = context.Device is null && context.Session.Released ? null : context.Driver;
        var expected = For(caseId, driver, context.Kernel);
        return actual == expected
            ? CaseOutcome.Pass()
            : CaseOutcome.Fail(call + ": expected " + Describe(expected) + ", got " + Describe(actual) + " on " +
                (context.Kernel?.ToString() ?? "unknown kernel") + (driver is null or "common" ? string.Empty : " vfio-" + driver));
    }
}
