using Lab.Vfio.Interop;

namespace Lab.Vfio;

/// <summary>Extension ids for <c>VFIO_CHECK_EXTENSION</c>; the IOMMU types are also <c>VFIO_SET_IOMMU</c> arguments.</summary>
public enum VfioExtension
{
    /// <summary>No extension (never supported); a negative-test value.</summary>
    None = 0,

    /// <summary><c>VFIO_TYPE1_IOMMU</c>.</summary>
    Type1 = (int)VfioConstants.VFIO_TYPE1_IOMMU,

    /// <summary><c>VFIO_SPAPR_TCE_IOMMU</c>.</summary>
    SpaprTce = (int)VfioConstants.VFIO_SPAPR_TCE_IOMMU,

    /// <summary><c>VFIO_TYPE1v2_IOMMU</c>.</summary>
    Type1v2 = (int)VfioConstants.VFIO_TYPE1v2_IOMMU,

    /// <summary><c>VFIO_DMA_CC_IOMMU</c>: the IOMMU enforces DMA cache coherence.</summary>
    DmaCcIommu = (int)VfioConstants.VFIO_DMA_CC_IOMMU,

    /// <summary><c>VFIO_EEH</c>.</summary>
    Eeh = (int)VfioConstants.VFIO_EEH,

    /// <summary><c>VFIO_TYPE1_NESTING_IOMMU</c>.</summary>
    Type1Nesting = (int)VfioConstants.VFIO_TYPE1_NESTING_IOMMU,

    /// <summary><c>VFIO_SPAPR_TCE_v2_IOMMU</c>.</summary>
    SpaprTceV2 = (int)VfioConstants.VFIO_SPAPR_TCE_v2_IOMMU,

    /// <summary><c>VFIO_NOIOMMU_IOMMU</c>: no-IOMMU mode (unsafe, needs <c>enable_unsafe_noiommu_mode</c>).</summary>
    NoIommu = (int)VfioConstants.VFIO_NOIOMMU_IOMMU,

    /// <summary><c>VFIO_UNMAP_ALL</c>: <c>VFIO_DMA_UNMAP_FLAG_ALL</c> is supported.</summary>
    UnmapAll = (int)VfioConstants.VFIO_UNMAP_ALL,

    /// <summary><c>VFIO_UPDATE_VADDR</c>: <c>VFIO_DMA_*_FLAG_VADDR</c> are supported.</summary>
    UpdateVaddr = (int)VfioConstants.VFIO_UPDATE_VADDR,
}
