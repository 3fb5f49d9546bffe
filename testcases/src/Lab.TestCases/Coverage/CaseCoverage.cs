namespace Lab.TestCases.Coverage;

/// <summary>
/// What each case covers, as data beside the catalog (the cases stay small; net48 has no default interface
/// members): the uAPI cells of the coverage matrix and the drivers they apply to. <c>lab coverage</c> reads it.
/// </summary>
public static class CaseCoverage
{
    /// <summary>The drivers of the matrix, in column order.</summary>
    public static IReadOnlyList<string> Drivers { get; } = ["platform", "amba", "pci"];

    private const string SetIommu = "VFIO_SET_IOMMU";
    private const string GetStatus = "VFIO_GROUP_GET_STATUS";
    private const string SetContainer = "VFIO_GROUP_SET_CONTAINER";
    private const string Unset = "VFIO_GROUP_UNSET_CONTAINER";
    private const string GetFd = "VFIO_GROUP_GET_DEVICE_FD";
    private const string Info = "VFIO_DEVICE_GET_INFO";
    private const string Region = "VFIO_DEVICE_GET_REGION_INFO";
    private const string Irq = "VFIO_DEVICE_GET_IRQ_INFO";
    private const string SetIrqs = "VFIO_DEVICE_SET_IRQS";
    private const string Map = "VFIO_IOMMU_MAP_DMA";
    private const string Unmap = "VFIO_IOMMU_UNMAP_DMA";

    private static readonly Dictionary<string, CoverageCell[]> ByCase = new(StringComparer.Ordinal)
    {
        ["vfio.common.container.api_version"] = [new("VFIO_GET_API_VERSION", "call")],
        ["vfio.common.container.extensions"] = [new("VFIO_CHECK_EXTENSION", "each type")],
        ["vfio.common.group.status"] = [new(GetStatus, "attached")],
        ["vfio.common.device.info"] = [new(Info, "call"), new(Info, "capability chain")],
        ["vfio.common.region.info"] = [new(Region, "every index"), new(Region, "bad index")],
        ["vfio.common.irq.info"] = [new(Irq, "every index"), new(Irq, "bad index")],
        ["vfio.common.container.set_iommu_no_group"] = [new(SetIommu, "no group")],
        ["vfio.common.container.set_iommu_unsupported"] = [new(SetIommu, "unsupported type")],
        ["vfio.common.container.set_iommu_twice"] = [new(SetIommu, "twice")],
        ["vfio.common.group.status_lifecycle"] = [new(GetStatus, "before/after container"), new(Unset, "attached, no device")],
        ["vfio.common.group.set_container_bad_fd"] = [new(SetContainer, "fd -1")],
        ["vfio.common.group.set_container_not_container"] = [new(SetContainer, "not a container fd")],
        ["vfio.common.group.set_container_twice"] = [new(SetContainer, "twice")],
        ["vfio.common.group.unset_container_not_set"] = [new(Unset, "not set")],
        ["vfio.common.group.unset_container_busy"] = [new(Unset, "device open")],
        ["vfio.common.group.get_device_fd_bad_name"] = [new(GetFd, "wrong name")],
        ["vfio.common.group.get_device_fd_no_container"] = [new(GetFd, "no container")],
        ["vfio.common.group.get_device_fd_no_iommu"] = [new(GetFd, "no IOMMU")],
        ["vfio.common.group.get_device_fd_twice"] = [new(GetFd, "twice")],
        ["vfio.platform.device.flags"] = [new(Info, "bus flag + counts"), new(Info, "RESET flag")],
        ["vfio.amba.device.flags"] = [new(Info, "bus flag + counts"), new(Info, "RESET flag")],
        ["vfio.pci.device.flags"] = [new(Info, "bus flag + counts"), new(Info, "RESET flag")],
        ["vfio.common.device.unknown_ioctl"] = [new("device fd ioctl", "unknown request")],
        ["vfio.common.device.info_argsz_short"] = [new(Info, "argsz < minsz")],
        ["vfio.common.device.reset"] = [new("VFIO_DEVICE_RESET", "call"), new("VFIO_DEVICE_RESET", "without RESET flag")],
        ["vfio.common.dma.iommu_info_iova_ranges"] = [new("VFIO_IOMMU_GET_INFO", "IOVA ranges cap")],
        ["vfio.platform.region.virtio_magic"] = [new("pread", "width 4"), new("pread", "width 8")],
        ["vfio.amba.region.primecell_id"] = [new("pread", "width 1"), new("pread", "width 4"), new("pread", "width 8"), new("mmap", "MAP_SHARED")],
        ["vfio.pci.region.edu_id"] = [new("pread", "width 4"), new("mmap", "MAP_SHARED"), new("pwrite", "via mmap")],
        ["vfio.common.region.read_past_end"] = [new("pread", "past the end")],
        ["vfio.common.mmap.shared"] = [new("mmap", "MAP_SHARED")],
        ["vfio.common.mmap.private"] = [new("mmap", "MAP_PRIVATE")],
        ["vfio.common.mmap.offset_past_end"] = [new("mmap", "offset past region")],
        ["vfio.common.mmap.length_past_end"] = [new("mmap", "length past region")],
        ["vfio.common.mmap.no_mmap_flag"] = [new("mmap", "region without MMAP")],
        ["vfio.platform.irq.info_flags"] = [new(Irq, "edge flags")],
        ["vfio.amba.irq.info_flags"] = [new(Irq, "level flags")],
        ["vfio.common.irq.loopback_none"] = [new(SetIrqs, "DATA_EVENTFD|TRIGGER"), new(SetIrqs, "DATA_NONE|TRIGGER")],
        ["vfio.common.irq.loopback_bool"] = [new(SetIrqs, "DATA_EVENTFD|TRIGGER"), new(SetIrqs, "DATA_BOOL|TRIGGER")],
        ["vfio.common.irq.disable_count0"] = [new(SetIrqs, "DATA_NONE|TRIGGER count 0")],
        ["vfio.amba.irq.masked_not_delivered"] = [new(SetIrqs, "DATA_BOOL|MASK"), new(SetIrqs, "DATA_BOOL|UNMASK"), new(SetIrqs, "DATA_NONE|MASK"), new(SetIrqs, "DATA_NONE|UNMASK")],
        ["vfio.amba.irq.per_index"] = [new(Irq, "every index"), new(SetIrqs, "an eventfd per index"), new(SetIrqs, "MASK of one index of several")],
        ["vfio.common.irq.mask_eventfd"] = [new(SetIrqs, "DATA_EVENTFD|MASK")],
        ["vfio.common.irq.set_bad_start"] = [new(SetIrqs, "bad start/count")],
        ["vfio.common.irq.set_bad_index"] = [new(SetIrqs, "bad index")],
        ["vfio.common.irq.mask_edge"] = [new(SetIrqs, "DATA_NONE|MASK unmaskable")],
        ["vfio.amba.irq.rtc_match"] = [new(SetIrqs, "DATA_EVENTFD|TRIGGER"), new(SetIrqs, "DATA_NONE|UNMASK"), new("device IRQ", "level, automasked"), new("pwrite", "via mmap")],
        ["vfio.amba.irq.unmask_eventfd"] = [new(SetIrqs, "DATA_EVENTFD|UNMASK"), new("device IRQ", "level, automasked")],
        ["vfio.common.dma.map_flags"] = [new(Map, "READ"), new(Map, "WRITE"), new(Map, "READ|WRITE"), new(Unmap, "whole mapping")],
        ["vfio.common.dma.map_unaligned_vaddr"] = [new(Map, "unaligned vaddr")],
        ["vfio.common.dma.map_unaligned_iova"] = [new(Map, "unaligned iova")],
        ["vfio.common.dma.map_unaligned_size"] = [new(Map, "unaligned size")],
        ["vfio.common.dma.map_msi_hole"] = [new(Map, "reserved IOVA")],
        ["vfio.common.dma.map_overlap"] = [new(Map, "overlap")],
        ["vfio.common.dma.unmap_nothing"] = [new(Unmap, "nothing mapped")],
        ["vfio.common.dma.unmap_bad_flags"] = [new(Unmap, "unknown flag")],
        ["vfio.pci.dma.edu_roundtrip"] = [new(Map, "READ|WRITE"), new("device DMA", "RAM->device->RAM")],
        ["vfio.common.dma.map_unmap_churn"] = [new(Map, "READ|WRITE"), new(Unmap, "whole mapping"), new("stress", "map/unmap churn")],
        ["vfio.pci.irq.edu_msi"] = [new(Irq, "MSI index"), new(SetIrqs, "DATA_EVENTFD|TRIGGER"), new("device IRQ", "MSI"), new("device IRQ", "DMA completion")],
        ["vfio.pci.irq.edu_intx"] = [new(Irq, "level flags"), new(SetIrqs, "DATA_EVENTFD|TRIGGER"), new(SetIrqs, "DATA_NONE|MASK"), new(SetIrqs, "DATA_NONE|UNMASK"),
            new(SetIrqs, "MSI while INTx on"), new("device IRQ", "level, automasked")],
        ["vfio.pci.irq.intx_mask_kinds"] = [new(SetIrqs, "DATA_BOOL|MASK"), new(SetIrqs, "DATA_BOOL|UNMASK"), new(SetIrqs, "DATA_EVENTFD|UNMASK"),
            new("device IRQ", "level, automasked")],
        ["vfio.pci.dma.edu_offsets"] = [new(Map, "READ|WRITE"), new("device DMA", "RAM->device->RAM"), new("device DMA", "unaligned offsets, page-crossing")],
        ["vfio.pci.dma.smmu_fault"] = [new(Map, "READ"), new("device DMA", "unmapped IOVA fault"), new("device DMA", "write to READ-only mapping")],
        ["vfio.pci.stress.edu_dma_irq"] = [new(Map, "READ|WRITE"), new("device DMA", "RAM->device->RAM"), new("device IRQ", "MSI"), new("stress", "DMA + completion IRQ")],

        // virtio-mmio (legacy) driven from user space through vfio-platform, no IOMMU.
        ["vfio.platform.irq.virtio_completion"] = [new(SetIrqs, "DATA_EVENTFD|TRIGGER"), new("device IRQ", "edge"), new("device IRQ", "DMA completion"), new("pwrite", "width 4")],
        ["vfio.platform.dma.virtio_rng"] = [new("device DMA", "no-IOMMU physical, device->RAM"), new("device IRQ", "edge"), new("device IRQ", "DMA completion")],
        ["vfio.platform.dma.virtio_blk"] = [new("device DMA", "no-IOMMU physical, device->RAM"), new("device DMA", "no-IOMMU physical, RAM->device"), new("device IRQ", "edge")],
        ["vfio.platform.stress.virtio_dma_irq"] = [new("device IRQ", "edge"), new("stress", "DMA + completion IRQ")],

        // Reset, region widths, device feature, PL031 IRQ stress.
        ["vfio.amba.reset.registers"] = [new("VFIO_DEVICE_RESET", "call"), new("VFIO_DEVICE_RESET", "device state after reset")],
        ["vfio.common.region.rw_widths"] =
        [
            new("pread", "width 1"), new("pread", "width 2"), new("pread", "width 4"), new("pread", "width 8"), new("pread", "unaligned"),
            new("pread", "straddling the end"), new("pread", "past the end"),
            new("pwrite", "width 1"), new("pwrite", "width 2"), new("pwrite", "width 4"), new("pwrite", "width 8"), new("pwrite", "past the end"),
        ],
        ["vfio.common.device.feature"] =
        [
            new("VFIO_DEVICE_FEATURE", "probe"), new("VFIO_DEVICE_FEATURE", "absent feature"), new("VFIO_DEVICE_FEATURE", "unknown index"),
            new("VFIO_DEVICE_FEATURE", "bad flags"), new("VFIO_DEVICE_FEATURE", "argsz < minsz"),
        ],
        ["vfio.common.device.pci_hot_reset_info"] = [new("VFIO_DEVICE_GET_PCI_HOT_RESET_INFO", "call")],
        ["vfio.amba.pl330.identify"] = [new("pread", "width 4"), new("mmap", "MAP_SHARED")],
        ["vfio.amba.pl330.memcpy"] =
        [
            new("device DMA", "no-IOMMU physical, device->RAM"), new("device DMA", "no-IOMMU physical, RAM->device"),
            new("device DMA", "unaligned offsets, page-crossing"), new("device IRQ", "DMA completion"), new("device IRQ", "level, automasked"),
            new(SetIrqs, "DATA_EVENTFD|TRIGGER"), new(SetIrqs, "DATA_NONE|UNMASK"), new("pwrite", "via mmap"),
        ],
        ["vfio.amba.pl330.fault"] = [new("device IRQ", "DMA abort"), new(SetIrqs, "DATA_NONE|UNMASK")],
        ["vfio.amba.pl330.masking"] = [new(SetIrqs, "DATA_NONE|MASK"), new(SetIrqs, "DATA_NONE|UNMASK"), new("device IRQ", "masked while pending, delivered on UNMASK")],
        ["vfio.amba.stress.pl330_copy"] = [new("stress", "DMA + completion IRQ")],
        ["vfio.amba.stress.irq_loop"] = [new(SetIrqs, "DATA_BOOL|TRIGGER"), new(SetIrqs, "DATA_NONE|TRIGGER"), new(SetIrqs, "DATA_NONE|UNMASK"), new("stress", "level IRQ loopback loop")],
    };

    /// <summary>Cells nothing covers yet, listed so the matrix shows the gaps.</summary>
    private static readonly CoverageCell[] Known =
    [
        // rw_widths probes it when a device has a read-only region; none on the default lab (CoverageNotApplicable).
        new("pwrite", "read-only region"),
    ];

    /// <summary>The case ids the table has rows for.</summary>
    public static IReadOnlyCollection<string> CaseIds => ByCase.Keys;

    /// <summary>The cells <paramref name="caseId"/> covers (empty when the table has none).</summary>
    public static IReadOnlyList<CoverageCell> For(string caseId) => ByCase.TryGetValue(caseId, out var cells) ? cells : [];

    /// <summary>Every cell of the matrix: those cases cover plus the known gaps, ordered by ioctl then action.</summary>
    public static IReadOnlyList<CoverageCell> AllCells { get; } =
        ByCase.Values.SelectMany(c => c).Concat(Known).Distinct().OrderBy(c => c.Ioctl, StringComparer.Ordinal).ThenBy(c => c.Action, StringComparer.Ordinal).ToList();

    /// <summary>The drivers a case applies to: its required driver, or all of them.</summary>
    public static IReadOnlyList<string> DriversOf(Model.IVfioCase c) =>
        c?.Requirements.Driver is { } d ? [d] : Drivers;
}
