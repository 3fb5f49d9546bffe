namespace Lab.Vfio.Testing;

/// <summary>A capability the fake chains into an info buffer: header fields and the payload after the header.</summary>
/// <param name="Id">Capability id.</param>
/// <param name="Version">Capability version.</param>
/// <param name="Payload">Bytes after the 8-byte header.</param>
public sealed record FakeCapability(ushort Id, ushort Version, byte[] Payload);
