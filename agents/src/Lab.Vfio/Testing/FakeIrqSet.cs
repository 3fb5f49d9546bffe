namespace Lab.Vfio.Testing;

/// <summary>One <c>VFIO_DEVICE_SET_IRQS</c> the fake accepted, as the kernel saw the buffer.</summary>
/// <param name="Argsz">argsz.</param>
/// <param name="Flags">DATA | ACTION flags.</param>
/// <param name="Index">IRQ index.</param>
/// <param name="Start">First sub-index.</param>
/// <param name="Count">Count.</param>
/// <param name="Data">The data bytes after the 20-byte header.</param>
public sealed record FakeIrqSet(uint Argsz, uint Flags, uint Index, uint Start, uint Count, byte[] Data);
