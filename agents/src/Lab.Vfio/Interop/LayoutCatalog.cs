namespace Lab.Vfio.Interop;

/// <summary>
/// The struct sizes, field offsets and field sizes this runtime actually uses, computed by pointer arithmetic on
/// the live structs (AOT-safe: no reflection). The agent's <c>selfcheck</c> compares them with the table the build
/// recorded from the target's C compiler; a unit test checks this list covers every field of every interop struct.
/// Names follow the C table: <c>sizeof S</c>, <c>offsetof S.F</c>, <c>fieldsize S.F</c>.
/// </summary>
public static unsafe class LayoutCatalog
{
    /// <summary>Every entry, in struct order.</summary>
    public static IReadOnlyList<LayoutEntry> Entries()
    {
        var list = new List<LayoutEntry>();
        {
            var s = default(vfio_info_cap_header);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_info_cap_header", sizeof(vfio_info_cap_header)));
            list.Add(new("offsetof", "vfio_info_cap_header.id", (byte*)&s.id - b));
            list.Add(new("fieldsize", "vfio_info_cap_header.id", sizeof(ushort)));
            list.Add(new("offsetof", "vfio_info_cap_header.version", (byte*)&s.version - b));
            list.Add(new("fieldsize", "vfio_info_cap_header.version", sizeof(ushort)));
            list.Add(new("offsetof", "vfio_info_cap_header.next", (byte*)&s.next - b));
            list.Add(new("fieldsize", "vfio_info_cap_header.next", sizeof(uint)));
        }

        {
            var s = default(vfio_group_status);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_group_status", sizeof(vfio_group_status)));
            list.Add(new("offsetof", "vfio_group_status.argsz", (byte*)&s.argsz - b));
            list.Add(new("fieldsize", "vfio_group_status.argsz", sizeof(uint)));
            list.Add(new("offsetof", "vfio_group_status.flags", (byte*)&s.flags - b));
            list.Add(new("fieldsize", "vfio_group_status.flags", sizeof(uint)));
        }

        {
            var s = default(vfio_device_info);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_device_info", sizeof(vfio_device_info)));
            list.Add(new("offsetof", "vfio_device_info.argsz", (byte*)&s.argsz - b));
            list.Add(new("fieldsize", "vfio_device_info.argsz", sizeof(uint)));
            list.Add(new("offsetof", "vfio_device_info.flags", (byte*)&s.flags - b));
            list.Add(new("fieldsize", "vfio_device_info.flags", sizeof(uint)));
            list.Add(new("offsetof", "vfio_device_info.num_regions", (byte*)&s.num_regions - b));
            list.Add(new("fieldsize", "vfio_device_info.num_regions", sizeof(uint)));
            list.Add(new("offsetof", "vfio_device_info.num_irqs", (byte*)&s.num_irqs - b));
            list.Add(new("fieldsize", "vfio_device_info.num_irqs", sizeof(uint)));
            list.Add(new("offsetof", "vfio_device_info.cap_offset", (byte*)&s.cap_offset - b));
            list.Add(new("fieldsize", "vfio_device_info.cap_offset", sizeof(uint)));
            list.Add(new("offsetof", "vfio_device_info.pad", (byte*)&s.pad - b));
            list.Add(new("fieldsize", "vfio_device_info.pad", sizeof(uint)));
        }

        {
            var s = default(vfio_region_info);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_region_info", sizeof(vfio_region_info)));
            list.Add(new("offsetof", "vfio_region_info.argsz", (byte*)&s.argsz - b));
            list.Add(new("fieldsize", "vfio_region_info.argsz", sizeof(uint)));
            list.Add(new("offsetof", "vfio_region_info.flags", (byte*)&s.flags - b));
            list.Add(new("fieldsize", "vfio_region_info.flags", sizeof(uint)));
            list.Add(new("offsetof", "vfio_region_info.index", (byte*)&s.index - b));
            list.Add(new("fieldsize", "vfio_region_info.index", sizeof(uint)));
            list.Add(new("offsetof", "vfio_region_info.cap_offset", (byte*)&s.cap_offset - b));
            list.Add(new("fieldsize", "vfio_region_info.cap_offset", sizeof(uint)));
            list.Add(new("offsetof", "vfio_region_info.size", (byte*)&s.size - b));
            list.Add(new("fieldsize", "vfio_region_info.size", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_region_info.offset", (byte*)&s.offset - b));
            list.Add(new("fieldsize", "vfio_region_info.offset", sizeof(ulong)));
        }

        {
            var s = default(vfio_region_sparse_mmap_area);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_region_sparse_mmap_area", sizeof(vfio_region_sparse_mmap_area)));
            list.Add(new("offsetof", "vfio_region_sparse_mmap_area.offset", (byte*)&s.offset - b));
            list.Add(new("fieldsize", "vfio_region_sparse_mmap_area.offset", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_region_sparse_mmap_area.size", (byte*)&s.size - b));
            list.Add(new("fieldsize", "vfio_region_sparse_mmap_area.size", sizeof(ulong)));
        }

        {
            var s = default(vfio_region_info_cap_sparse_mmap);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_region_info_cap_sparse_mmap", sizeof(vfio_region_info_cap_sparse_mmap)));
            list.Add(new("offsetof", "vfio_region_info_cap_sparse_mmap.header", (byte*)&s.header - b));
            list.Add(new("fieldsize", "vfio_region_info_cap_sparse_mmap.header", sizeof(vfio_info_cap_header)));
            list.Add(new("offsetof", "vfio_region_info_cap_sparse_mmap.nr_areas", (byte*)&s.nr_areas - b));
            list.Add(new("fieldsize", "vfio_region_info_cap_sparse_mmap.nr_areas", sizeof(uint)));
            list.Add(new("offsetof", "vfio_region_info_cap_sparse_mmap.reserved", (byte*)&s.reserved - b));
            list.Add(new("fieldsize", "vfio_region_info_cap_sparse_mmap.reserved", sizeof(uint)));
        }

        {
            var s = default(vfio_region_info_cap_type);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_region_info_cap_type", sizeof(vfio_region_info_cap_type)));
            list.Add(new("offsetof", "vfio_region_info_cap_type.header", (byte*)&s.header - b));
            list.Add(new("fieldsize", "vfio_region_info_cap_type.header", sizeof(vfio_info_cap_header)));
            list.Add(new("offsetof", "vfio_region_info_cap_type.type", (byte*)&s.type - b));
            list.Add(new("fieldsize", "vfio_region_info_cap_type.type", sizeof(uint)));
            list.Add(new("offsetof", "vfio_region_info_cap_type.subtype", (byte*)&s.subtype - b));
            list.Add(new("fieldsize", "vfio_region_info_cap_type.subtype", sizeof(uint)));
        }

        {
            var s = default(vfio_irq_info);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_irq_info", sizeof(vfio_irq_info)));
            list.Add(new("offsetof", "vfio_irq_info.argsz", (byte*)&s.argsz - b));
            list.Add(new("fieldsize", "vfio_irq_info.argsz", sizeof(uint)));
            list.Add(new("offsetof", "vfio_irq_info.flags", (byte*)&s.flags - b));
            list.Add(new("fieldsize", "vfio_irq_info.flags", sizeof(uint)));
            list.Add(new("offsetof", "vfio_irq_info.index", (byte*)&s.index - b));
            list.Add(new("fieldsize", "vfio_irq_info.index", sizeof(uint)));
            list.Add(new("offsetof", "vfio_irq_info.count", (byte*)&s.count - b));
            list.Add(new("fieldsize", "vfio_irq_info.count", sizeof(uint)));
        }

        {
            var s = default(vfio_irq_set);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_irq_set", sizeof(vfio_irq_set)));
            list.Add(new("offsetof", "vfio_irq_set.argsz", (byte*)&s.argsz - b));
            list.Add(new("fieldsize", "vfio_irq_set.argsz", sizeof(uint)));
            list.Add(new("offsetof", "vfio_irq_set.flags", (byte*)&s.flags - b));
            list.Add(new("fieldsize", "vfio_irq_set.flags", sizeof(uint)));
            list.Add(new("offsetof", "vfio_irq_set.index", (byte*)&s.index - b));
            list.Add(new("fieldsize", "vfio_irq_set.index", sizeof(uint)));
            list.Add(new("offsetof", "vfio_irq_set.start", (byte*)&s.start - b));
            list.Add(new("fieldsize", "vfio_irq_set.start", sizeof(uint)));
            list.Add(new("offsetof", "vfio_irq_set.count", (byte*)&s.count - b));
            list.Add(new("fieldsize", "vfio_irq_set.count", sizeof(uint)));
        }

        {
            var s = default(vfio_pci_dependent_device);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_pci_dependent_device", sizeof(vfio_pci_dependent_device)));
            list.Add(new("offsetof", "vfio_pci_dependent_device.group_id", (byte*)&s.group_id - b));
            list.Add(new("fieldsize", "vfio_pci_dependent_device.group_id", sizeof(uint)));
            list.Add(new("offsetof", "vfio_pci_dependent_device.segment", (byte*)&s.segment - b));
            list.Add(new("fieldsize", "vfio_pci_dependent_device.segment", sizeof(ushort)));
            list.Add(new("offsetof", "vfio_pci_dependent_device.bus", (byte*)&s.bus - b));
            list.Add(new("fieldsize", "vfio_pci_dependent_device.bus", sizeof(byte)));
            list.Add(new("offsetof", "vfio_pci_dependent_device.devfn", (byte*)&s.devfn - b));
            list.Add(new("fieldsize", "vfio_pci_dependent_device.devfn", sizeof(byte)));
        }

        {
            var s = default(vfio_pci_hot_reset_info);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_pci_hot_reset_info", sizeof(vfio_pci_hot_reset_info)));
            list.Add(new("offsetof", "vfio_pci_hot_reset_info.argsz", (byte*)&s.argsz - b));
            list.Add(new("fieldsize", "vfio_pci_hot_reset_info.argsz", sizeof(uint)));
            list.Add(new("offsetof", "vfio_pci_hot_reset_info.flags", (byte*)&s.flags - b));
            list.Add(new("fieldsize", "vfio_pci_hot_reset_info.flags", sizeof(uint)));
            list.Add(new("offsetof", "vfio_pci_hot_reset_info.count", (byte*)&s.count - b));
            list.Add(new("fieldsize", "vfio_pci_hot_reset_info.count", sizeof(uint)));
        }

        {
            var s = default(vfio_pci_hot_reset);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_pci_hot_reset", sizeof(vfio_pci_hot_reset)));
            list.Add(new("offsetof", "vfio_pci_hot_reset.argsz", (byte*)&s.argsz - b));
            list.Add(new("fieldsize", "vfio_pci_hot_reset.argsz", sizeof(uint)));
            list.Add(new("offsetof", "vfio_pci_hot_reset.flags", (byte*)&s.flags - b));
            list.Add(new("fieldsize", "vfio_pci_hot_reset.flags", sizeof(uint)));
            list.Add(new("offsetof", "vfio_pci_hot_reset.count", (byte*)&s.count - b));
            list.Add(new("fieldsize", "vfio_pci_hot_reset.count", sizeof(uint)));
        }

        {
            var s = default(vfio_device_ioeventfd);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_device_ioeventfd", sizeof(vfio_device_ioeventfd)));
            list.Add(new("offsetof", "vfio_device_ioeventfd.argsz", (byte*)&s.argsz - b));
            list.Add(new("fieldsize", "vfio_device_ioeventfd.argsz", sizeof(uint)));
            list.Add(new("offsetof", "vfio_device_ioeventfd.flags", (byte*)&s.flags - b));
            list.Add(new("fieldsize", "vfio_device_ioeventfd.flags", sizeof(uint)));
            list.Add(new("offsetof", "vfio_device_ioeventfd.offset", (byte*)&s.offset - b));
            list.Add(new("fieldsize", "vfio_device_ioeventfd.offset", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_device_ioeventfd.data", (byte*)&s.data - b));
            list.Add(new("fieldsize", "vfio_device_ioeventfd.data", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_device_ioeventfd.fd", (byte*)&s.fd - b));
            list.Add(new("fieldsize", "vfio_device_ioeventfd.fd", sizeof(int)));
        }

        {
            var s = default(vfio_device_feature);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_device_feature", sizeof(vfio_device_feature)));
            list.Add(new("offsetof", "vfio_device_feature.argsz", (byte*)&s.argsz - b));
            list.Add(new("fieldsize", "vfio_device_feature.argsz", sizeof(uint)));
            list.Add(new("offsetof", "vfio_device_feature.flags", (byte*)&s.flags - b));
            list.Add(new("fieldsize", "vfio_device_feature.flags", sizeof(uint)));
        }

        {
            var s = default(vfio_device_feature_migration);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_device_feature_migration", sizeof(vfio_device_feature_migration)));
            list.Add(new("offsetof", "vfio_device_feature_migration.flags", (byte*)&s.flags - b));
            list.Add(new("fieldsize", "vfio_device_feature_migration.flags", sizeof(ulong)));
        }

        {
            var s = default(vfio_device_feature_mig_state);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_device_feature_mig_state", sizeof(vfio_device_feature_mig_state)));
            list.Add(new("offsetof", "vfio_device_feature_mig_state.device_state", (byte*)&s.device_state - b));
            list.Add(new("fieldsize", "vfio_device_feature_mig_state.device_state", sizeof(uint)));
            list.Add(new("offsetof", "vfio_device_feature_mig_state.data_fd", (byte*)&s.data_fd - b));
            list.Add(new("fieldsize", "vfio_device_feature_mig_state.data_fd", sizeof(int)));
        }

        {
            var s = default(vfio_device_low_power_entry_with_wakeup);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_device_low_power_entry_with_wakeup", sizeof(vfio_device_low_power_entry_with_wakeup)));
            list.Add(new("offsetof", "vfio_device_low_power_entry_with_wakeup.wakeup_eventfd", (byte*)&s.wakeup_eventfd - b));
            list.Add(new("fieldsize", "vfio_device_low_power_entry_with_wakeup.wakeup_eventfd", sizeof(int)));
            list.Add(new("offsetof", "vfio_device_low_power_entry_with_wakeup.reserved", (byte*)&s.reserved - b));
            list.Add(new("fieldsize", "vfio_device_low_power_entry_with_wakeup.reserved", sizeof(uint)));
        }

        {
            var s = default(vfio_device_feature_dma_logging_control);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_device_feature_dma_logging_control", sizeof(vfio_device_feature_dma_logging_control)));
            list.Add(new("offsetof", "vfio_device_feature_dma_logging_control.page_size", (byte*)&s.page_size - b));
            list.Add(new("fieldsize", "vfio_device_feature_dma_logging_control.page_size", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_device_feature_dma_logging_control.num_ranges", (byte*)&s.num_ranges - b));
            list.Add(new("fieldsize", "vfio_device_feature_dma_logging_control.num_ranges", sizeof(uint)));
            list.Add(new("offsetof", "vfio_device_feature_dma_logging_control.__reserved", (byte*)&s.__reserved - b));
            list.Add(new("fieldsize", "vfio_device_feature_dma_logging_control.__reserved", sizeof(uint)));
            list.Add(new("offsetof", "vfio_device_feature_dma_logging_control.ranges", (byte*)&s.ranges - b));
            list.Add(new("fieldsize", "vfio_device_feature_dma_logging_control.ranges", sizeof(ulong)));
        }

        {
            var s = default(vfio_device_feature_dma_logging_range);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_device_feature_dma_logging_range", sizeof(vfio_device_feature_dma_logging_range)));
            list.Add(new("offsetof", "vfio_device_feature_dma_logging_range.iova", (byte*)&s.iova - b));
            list.Add(new("fieldsize", "vfio_device_feature_dma_logging_range.iova", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_device_feature_dma_logging_range.length", (byte*)&s.length - b));
            list.Add(new("fieldsize", "vfio_device_feature_dma_logging_range.length", sizeof(ulong)));
        }

        {
            var s = default(vfio_device_feature_dma_logging_report);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_device_feature_dma_logging_report", sizeof(vfio_device_feature_dma_logging_report)));
            list.Add(new("offsetof", "vfio_device_feature_dma_logging_report.iova", (byte*)&s.iova - b));
            list.Add(new("fieldsize", "vfio_device_feature_dma_logging_report.iova", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_device_feature_dma_logging_report.length", (byte*)&s.length - b));
            list.Add(new("fieldsize", "vfio_device_feature_dma_logging_report.length", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_device_feature_dma_logging_report.page_size", (byte*)&s.page_size - b));
            list.Add(new("fieldsize", "vfio_device_feature_dma_logging_report.page_size", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_device_feature_dma_logging_report.bitmap", (byte*)&s.bitmap - b));
            list.Add(new("fieldsize", "vfio_device_feature_dma_logging_report.bitmap", sizeof(ulong)));
        }

        {
            var s = default(vfio_iommu_type1_info);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_iommu_type1_info", sizeof(vfio_iommu_type1_info)));
            list.Add(new("offsetof", "vfio_iommu_type1_info.argsz", (byte*)&s.argsz - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_info.argsz", sizeof(uint)));
            list.Add(new("offsetof", "vfio_iommu_type1_info.flags", (byte*)&s.flags - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_info.flags", sizeof(uint)));
            list.Add(new("offsetof", "vfio_iommu_type1_info.iova_pgsizes", (byte*)&s.iova_pgsizes - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_info.iova_pgsizes", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_iommu_type1_info.cap_offset", (byte*)&s.cap_offset - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_info.cap_offset", sizeof(uint)));
            list.Add(new("offsetof", "vfio_iommu_type1_info.pad", (byte*)&s.pad - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_info.pad", sizeof(uint)));
        }

        {
            var s = default(vfio_iova_range);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_iova_range", sizeof(vfio_iova_range)));
            list.Add(new("offsetof", "vfio_iova_range.start", (byte*)&s.start - b));
            list.Add(new("fieldsize", "vfio_iova_range.start", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_iova_range.end", (byte*)&s.end - b));
            list.Add(new("fieldsize", "vfio_iova_range.end", sizeof(ulong)));
        }

        {
            var s = default(vfio_iommu_type1_info_cap_iova_range);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_iommu_type1_info_cap_iova_range", sizeof(vfio_iommu_type1_info_cap_iova_range)));
            list.Add(new("offsetof", "vfio_iommu_type1_info_cap_iova_range.header", (byte*)&s.header - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_info_cap_iova_range.header", sizeof(vfio_info_cap_header)));
            list.Add(new("offsetof", "vfio_iommu_type1_info_cap_iova_range.nr_iovas", (byte*)&s.nr_iovas - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_info_cap_iova_range.nr_iovas", sizeof(uint)));
            list.Add(new("offsetof", "vfio_iommu_type1_info_cap_iova_range.reserved", (byte*)&s.reserved - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_info_cap_iova_range.reserved", sizeof(uint)));
        }

        {
            var s = default(vfio_iommu_type1_info_cap_migration);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_iommu_type1_info_cap_migration", sizeof(vfio_iommu_type1_info_cap_migration)));
            list.Add(new("offsetof", "vfio_iommu_type1_info_cap_migration.header", (byte*)&s.header - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_info_cap_migration.header", sizeof(vfio_info_cap_header)));
            list.Add(new("offsetof", "vfio_iommu_type1_info_cap_migration.flags", (byte*)&s.flags - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_info_cap_migration.flags", sizeof(uint)));
            list.Add(new("offsetof", "vfio_iommu_type1_info_cap_migration.pgsize_bitmap", (byte*)&s.pgsize_bitmap - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_info_cap_migration.pgsize_bitmap", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_iommu_type1_info_cap_migration.max_dirty_bitmap_size", (byte*)&s.max_dirty_bitmap_size - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_info_cap_migration.max_dirty_bitmap_size", sizeof(ulong)));
        }

        {
            var s = default(vfio_iommu_type1_info_dma_avail);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_iommu_type1_info_dma_avail", sizeof(vfio_iommu_type1_info_dma_avail)));
            list.Add(new("offsetof", "vfio_iommu_type1_info_dma_avail.header", (byte*)&s.header - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_info_dma_avail.header", sizeof(vfio_info_cap_header)));
            list.Add(new("offsetof", "vfio_iommu_type1_info_dma_avail.avail", (byte*)&s.avail - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_info_dma_avail.avail", sizeof(uint)));
        }

        {
            var s = default(vfio_iommu_type1_dma_map);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_iommu_type1_dma_map", sizeof(vfio_iommu_type1_dma_map)));
            list.Add(new("offsetof", "vfio_iommu_type1_dma_map.argsz", (byte*)&s.argsz - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_dma_map.argsz", sizeof(uint)));
            list.Add(new("offsetof", "vfio_iommu_type1_dma_map.flags", (byte*)&s.flags - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_dma_map.flags", sizeof(uint)));
            list.Add(new("offsetof", "vfio_iommu_type1_dma_map.vaddr", (byte*)&s.vaddr - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_dma_map.vaddr", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_iommu_type1_dma_map.iova", (byte*)&s.iova - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_dma_map.iova", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_iommu_type1_dma_map.size", (byte*)&s.size - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_dma_map.size", sizeof(ulong)));
        }

        {
            var s = default(vfio_bitmap);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_bitmap", sizeof(vfio_bitmap)));
            list.Add(new("offsetof", "vfio_bitmap.pgsize", (byte*)&s.pgsize - b));
            list.Add(new("fieldsize", "vfio_bitmap.pgsize", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_bitmap.size", (byte*)&s.size - b));
            list.Add(new("fieldsize", "vfio_bitmap.size", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_bitmap.data", (byte*)&s.data - b));
            list.Add(new("fieldsize", "vfio_bitmap.data", IntPtr.Size));
        }

        {
            var s = default(vfio_iommu_type1_dma_unmap);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_iommu_type1_dma_unmap", sizeof(vfio_iommu_type1_dma_unmap)));
            list.Add(new("offsetof", "vfio_iommu_type1_dma_unmap.argsz", (byte*)&s.argsz - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_dma_unmap.argsz", sizeof(uint)));
            list.Add(new("offsetof", "vfio_iommu_type1_dma_unmap.flags", (byte*)&s.flags - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_dma_unmap.flags", sizeof(uint)));
            list.Add(new("offsetof", "vfio_iommu_type1_dma_unmap.iova", (byte*)&s.iova - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_dma_unmap.iova", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_iommu_type1_dma_unmap.size", (byte*)&s.size - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_dma_unmap.size", sizeof(ulong)));
        }

        {
            var s = default(vfio_iommu_type1_dirty_bitmap);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_iommu_type1_dirty_bitmap", sizeof(vfio_iommu_type1_dirty_bitmap)));
            list.Add(new("offsetof", "vfio_iommu_type1_dirty_bitmap.argsz", (byte*)&s.argsz - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_dirty_bitmap.argsz", sizeof(uint)));
            list.Add(new("offsetof", "vfio_iommu_type1_dirty_bitmap.flags", (byte*)&s.flags - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_dirty_bitmap.flags", sizeof(uint)));
        }

        {
            var s = default(vfio_iommu_type1_dirty_bitmap_get);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "vfio_iommu_type1_dirty_bitmap_get", sizeof(vfio_iommu_type1_dirty_bitmap_get)));
            list.Add(new("offsetof", "vfio_iommu_type1_dirty_bitmap_get.iova", (byte*)&s.iova - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_dirty_bitmap_get.iova", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_iommu_type1_dirty_bitmap_get.size", (byte*)&s.size - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_dirty_bitmap_get.size", sizeof(ulong)));
            list.Add(new("offsetof", "vfio_iommu_type1_dirty_bitmap_get.bitmap", (byte*)&s.bitmap - b));
            list.Add(new("fieldsize", "vfio_iommu_type1_dirty_bitmap_get.bitmap", sizeof(vfio_bitmap)));
        }

        {
            var s = default(pollfd);
            // SAFETY: s is a local; only addresses within it are taken and subtracted, nothing is dereferenced.
            var b = (byte*)&s;
            list.Add(new("sizeof", "pollfd", sizeof(pollfd)));
            list.Add(new("offsetof", "pollfd.fd", (byte*)&s.fd - b));
            list.Add(new("fieldsize", "pollfd.fd", sizeof(int)));
            list.Add(new("offsetof", "pollfd.events", (byte*)&s.events - b));
            list.Add(new("fieldsize", "pollfd.events", sizeof(short)));
            list.Add(new("offsetof", "pollfd.revents", (byte*)&s.revents - b));
            list.Add(new("fieldsize", "pollfd.revents", sizeof(short)));
        }

        return list;
    }
}
