namespace Lab.Vfio;

/// <summary><c>VFIO_IOMMU_TYPE1_INFO_CAP_MIGRATION</c>.</summary>
/// <param name="Flags">Capability flags.</param>
/// <param name="PageSizeBitmap">Page sizes of dirty tracking.</param>
/// <param name="MaxDirtyBitmapSize">Largest dirty bitmap, in bytes.</param>
public sealed record VfioIommuMigration(uint Flags, ulong PageSizeBitmap, ulong MaxDirtyBitmapSize);
