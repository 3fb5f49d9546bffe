namespace Lab.Vfio.Interop;

/// <summary>
/// ioctls on a container fd (<c>/dev/vfio/vfio</c>). NOTE: VFIO reuses numbers across fd kinds
/// (<c>VFIO_IOMMU_GET_INFO</c> == <c>VFIO_DEVICE_GET_PCI_HOT_RESET_INFO</c> == base + 12), so each fd kind
/// has its own enum and only its own handle type accepts it.
/// </summary>
public enum VfioContainerIoctl : uint
{
    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 0)</c>.</summary>
    VFIO_GET_API_VERSION = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 0),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 1)</c>; argument: the extension id by value.</summary>
    VFIO_CHECK_EXTENSION = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 1),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 2)</c>; argument: the IOMMU type by value.</summary>
    VFIO_SET_IOMMU = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 2),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 12)</c>; <c>struct vfio_iommu_type1_info</c>.</summary>
    VFIO_IOMMU_GET_INFO = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 12),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 13)</c>; <c>struct vfio_iommu_type1_dma_map</c>.</summary>
    VFIO_IOMMU_MAP_DMA = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 13),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 14)</c>; <c>struct vfio_iommu_type1_dma_unmap</c>.</summary>
    VFIO_IOMMU_UNMAP_DMA = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 14),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 15)</c> (SPAPR only).</summary>
    VFIO_IOMMU_ENABLE = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 15),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 16)</c> (SPAPR only).</summary>
    VFIO_IOMMU_DISABLE = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 16),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 17)</c>; <c>struct vfio_iommu_type1_dirty_bitmap</c>.</summary>
    VFIO_IOMMU_DIRTY_PAGES = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 17),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 12)</c>: the SPAPR TCE alias of <see cref="VFIO_IOMMU_GET_INFO"/>.</summary>
    VFIO_IOMMU_SPAPR_TCE_GET_INFO = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 12),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 17)</c> (SPAPR; shares its number with dirty pages).</summary>
    VFIO_IOMMU_SPAPR_REGISTER_MEMORY = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 17),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 18)</c> (SPAPR).</summary>
    VFIO_IOMMU_SPAPR_UNREGISTER_MEMORY = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 18),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 19)</c> (SPAPR).</summary>
    VFIO_IOMMU_SPAPR_TCE_CREATE = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 19),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 20)</c> (SPAPR).</summary>
    VFIO_IOMMU_SPAPR_TCE_REMOVE = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 20),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 21)</c> (SPAPR EEH).</summary>
    VFIO_EEH_PE_OP = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 21),
}
