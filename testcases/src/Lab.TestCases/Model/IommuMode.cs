namespace Lab.TestCases.Model;

/// <summary>How the container's IOMMU is set up for a run.</summary>
public enum IommuMode
{
    /// <summary><c>VFIO_NOIOMMU_IOMMU</c>: physical addresses, no isolation.</summary>
    NoIommu,

    /// <summary><c>VFIO_TYPE1v2_IOMMU</c> (falling back to <c>VFIO_TYPE1_IOMMU</c>).</summary>
    Type1,
}
