namespace Lab.TestCases.Coverage;

/// <summary>
/// Cells of the coverage matrix that cannot apply to a driver's device on the default lab (virtio-rng and virtio-blk on
/// vfio-platform, the PL031 and the PL330s on vfio-amba, all no-IOMMU; edu on vfio-pci behind the SMMUv3), each with
/// its reason, so <c>lab coverage</c> lists only real gaps as uncovered.
/// </summary>
public static class CoverageNotApplicable
{
    private const string Map = "VFIO_IOMMU_MAP_DMA";
    private const string Unmap = "VFIO_IOMMU_UNMAP_DMA";
    private const string SetIrqs = "VFIO_DEVICE_SET_IRQS";
    private const string NoIommu = "no-IOMMU device on this lab: type1 DMA ioctls need an IOMMU-backed container";
    private const string EdgeNotMaskable = "virtio-mmio's edge IRQ is not MASKABLE (the refusal is irq.mask_edge)";
    private const string BehindSmmu = "edu sits behind the SMMUv3: its DMA uses type1 IOVAs, never physical addresses";
    private const string NotPageSized = "virtio-mmio's region is 0x200 bytes: no MMAP flag (the refusal is mmap.no_mmap_flag)";

    private static readonly string[] PlatformAndAmba = ["platform", "amba"];

    private static readonly Dictionary<CoverageCell, Dictionary<string, string>> Reasons = Build(
    [
        .. Both(new("VFIO_IOMMU_GET_INFO", "IOVA ranges cap"), NoIommu),
        .. Both(new(Map, "READ"), NoIommu),
        .. Both(new(Map, "WRITE"), NoIommu),
        .. Both(new(Map, "READ|WRITE"), NoIommu),
        .. Both(new(Map, "unaligned vaddr"), NoIommu),
        .. Both(new(Map, "unaligned iova"), NoIommu),
        .. Both(new(Map, "unaligned size"), NoIommu),
        .. Both(new(Map, "reserved IOVA"), NoIommu),
        .. Both(new(Map, "overlap"), NoIommu),
        .. Both(new(Unmap, "whole mapping"), NoIommu),
        .. Both(new(Unmap, "nothing mapped"), NoIommu),
        .. Both(new(Unmap, "unknown flag"), NoIommu),
        .. Both(new("stress", "map/unmap churn"), NoIommu),
        .. Both(new("device DMA", "unmapped IOVA fault"), "no-IOMMU: nothing translates or blocks the device's DMA"),
        .. Both(new("device IRQ", "MSI"), "MSI is a PCI interrupt"),
        (new("device DMA", "RAM->device->RAM"), "amba", "the PL031 does no DMA; the PL330 copies RAM to RAM in one transfer (the no-IOMMU physical cells)"),
        (new("device IRQ", "edge"), "amba", "the PL031's IRQ is level"),
        (new("device IRQ", "edge"), "pci", "vfio-pci has no edge line: INTx is level, MSI a message"),
        (new("device IRQ", "level, automasked"), "platform", "virtio-mmio's IRQ is edge"),
        (new("VFIO_DEVICE_GET_IRQ_INFO", "edge flags"), "amba", "the PL031's IRQ is level"),
        (new("VFIO_DEVICE_GET_IRQ_INFO", "edge flags"), "pci", "vfio-pci has no edge IRQ index"),
        (new("VFIO_DEVICE_GET_IRQ_INFO", "level flags"), "platform", "virtio-mmio's IRQ is edge"),
        (new(SetIrqs, "DATA_BOOL|MASK"), "platform", EdgeNotMaskable),
        (new(SetIrqs, "DATA_BOOL|UNMASK"), "platform", EdgeNotMaskable),
        (new(SetIrqs, "DATA_NONE|UNMASK"), "platform", EdgeNotMaskable),
        (new(SetIrqs, "DATA_EVENTFD|UNMASK"), "platform", EdgeNotMaskable),
        (new(SetIrqs, "DATA_EVENTFD|MASK"), "platform", EdgeNotMaskable),
        (new(SetIrqs, "DATA_NONE|MASK unmaskable"), "amba", "the PL031's level IRQ is MASKABLE: no unmaskable IRQ to refuse"),
        (new("stress", "level IRQ loopback loop"), "platform", "virtio-mmio's IRQ is edge: nothing to unmask"),
        (new("stress", "level IRQ loopback loop"), "pci",
            "vfio-pci's INTx loopback bypasses the mask and the automask (irq.intx_mask_kinds): the loop would unmask nothing; real INTx is irq.edu_intx"),
        (new("mmap", "MAP_SHARED"), "platform", NotPageSized),
        (new("mmap", "MAP_PRIVATE"), "platform", NotPageSized),
        (new("mmap", "offset past region"), "platform", NotPageSized),
        (new("mmap", "length past region"), "platform", NotPageSized),
        (new("mmap", "region without MMAP"), "amba", "the PL031's only region has MMAP"),
        (new("pwrite", "via mmap"), "platform", NotPageSized),
        .. Both(new("pwrite", "read-only region"), "the device's only region is READ|WRITE"),
        (new("pwrite", "read-only region"), "pci", "edu has no ROM (region 6 has size 0); its other regions are writable"),
        .. Both(new("VFIO_DEVICE_GET_IRQ_INFO", "MSI index"), "MSI is a PCI interrupt"),
        .. Both(new(SetIrqs, "MSI while INTx on"), "MSI and INTx are PCI interrupts"),
        (new(SetIrqs, "DATA_NONE|MASK"), "platform", EdgeNotMaskable),
        (new("device DMA", "RAM->device->RAM"), "platform",
            "virtio DMA goes one way per request (the no-IOMMU physical cells); the round trip through IOVAs is edu's"),
        (new("device DMA", "no-IOMMU physical, device->RAM"), "pci", BehindSmmu),
        (new("device DMA", "no-IOMMU physical, RAM->device"), "pci", BehindSmmu),
        (new("device DMA", "unaligned offsets, page-crossing"), "platform",
            "virtio-blk moves whole 512-byte sectors and virtio-rng whole buffers: no byte offsets (page-crossing chains are dma.virtio_blk's)"),
        .. Both(new("device DMA", "write to READ-only mapping"), "no-IOMMU: no mapping, so no permissions to enforce"),
        (new("device IRQ", "DMA abort"), "platform", "virtio devices have no abort interrupt: a bad descriptor is a device status, not an IRQ"),
        (new("device IRQ", "DMA abort"), "pci", "edu has no abort interrupt (its DMA faults are the SMMU's, dma.smmu_fault)"),
        (new("device IRQ", "masked while pending, delivered on UNMASK"), "platform", EdgeNotMaskable),
        (new("VFIO_DEVICE_RESET", "device state after reset"), "platform",
            "lab.json loads vfiolab_reset with compatibles=arm,pl031 only, so virtio-rng keeps the refused path"),
        (new("VFIO_DEVICE_RESET", "device state after reset"), "pci", "edu offers no RESET: no PCI reset method (no FLR/PM, on the root bus)"),
    ]);

    /// <summary>Why <paramref name="cell"/> cannot apply to <paramref name="driver"/> on this lab, or null when it can.</summary>
    public static string? Reason(CoverageCell cell, string driver) =>
        cell is not null && Reasons.TryGetValue(cell, out var byDriver) && byDriver.TryGetValue(driver, out var reason) ? reason : null;

    /// <summary>Every (cell, driver, reason), for tests and listings.</summary>
    public static IEnumerable<(CoverageCell Cell, string Driver, string Reason)> All =>
        Reasons.SelectMany(kv => kv.Value.Select(d => (kv.Key, d.Key, d.Value)));

    private static (CoverageCell, string, string)[] Both(CoverageCell cell, string reason) =>
        PlatformAndAmba.Select(d => (cell, d, reason)).ToArray();

    private static Dictionary<CoverageCell, Dictionary<string, string>> Build(IEnumerable<(CoverageCell Cell, string Driver, string Reason)> rows)
    {
        var map = new Dictionary<CoverageCell, Dictionary<string, string>>();
        foreach (var (cell, driver, reason) in rows)
        {
            if (!map.TryGetValue(cell, out var byDriver)) { map[cell] = byDriver = new(StringComparer.Ordinal); }
            byDriver.Add(driver, reason);
        }

        return map;
    }
}
