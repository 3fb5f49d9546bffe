namespace Lab.Vfio;

/// <summary>A usable IOVA range (<c>struct vfio_iova_range</c>), end inclusive.</summary>
/// <param name="Start">First usable IOVA.</param>
/// <param name="End">Last usable IOVA (inclusive).</param>
public sealed record VfioIovaRange(ulong Start, ulong End);
