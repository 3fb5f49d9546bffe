namespace Lab.Vfio;

/// <summary>A region's <c>VFIO_REGION_INFO_CAP_TYPE</c>.</summary>
/// <param name="Type">Type (per bus driver; <c>VFIO_REGION_TYPE_*</c>).</param>
/// <param name="Subtype">Subtype.</param>
public sealed record VfioRegionType(uint Type, uint Subtype);
