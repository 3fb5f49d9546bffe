namespace Lab.Vfio;

/// <summary>One capability of an info buffer's chain: its header and its bytes (header included).</summary>
/// <param name="Id">Capability id; its meaning depends on the chain (device, region or IOMMU info).</param>
/// <param name="Version">Capability version.</param>
/// <param name="Offset">Offset from the start of the info buffer.</param>
/// <param name="Data">The capability's bytes, from its header up to the next capability (or the buffer end).</param>
public sealed record VfioCapability(ushort Id, ushort Version, uint Offset, byte[] Data);
