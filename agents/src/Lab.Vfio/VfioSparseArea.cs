namespace Lab.Vfio;

/// <summary>An mmap-able area of a region (<c>struct vfio_region_sparse_mmap_area</c>).</summary>
/// <param name="Offset">Offset within the region.</param>
/// <param name="Size">Size in bytes.</param>
public sealed record VfioSparseArea(ulong Offset, ulong Size);
