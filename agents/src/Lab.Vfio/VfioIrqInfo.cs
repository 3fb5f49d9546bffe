using Lab.Vfio.Interop;

namespace Lab.Vfio;

/// <summary>The answer of <c>VFIO_DEVICE_GET_IRQ_INFO</c>.</summary>
/// <param name="Index">IRQ index.</param>
/// <param name="Flags"><c>VFIO_IRQ_INFO_*</c>.</param>
/// <param name="Count">Number of IRQs within the index.</param>
public sealed record VfioIrqInfo(uint Index, uint Flags, uint Count)
{
    /// <summary><c>VFIO_IRQ_INFO_EVENTFD</c>.</summary>
    public bool SupportsEventfd => (Flags & VfioConstants.VFIO_IRQ_INFO_EVENTFD) != 0;

    /// <summary><c>VFIO_IRQ_INFO_MASKABLE</c>.</summary>
    public bool Maskable => (Flags & VfioConstants.VFIO_IRQ_INFO_MASKABLE) != 0;

    /// <summary><c>VFIO_IRQ_INFO_AUTOMASKED</c>: level-triggered; masked on delivery until unmasked.</summary>
    public bool Automasked => (Flags & VfioConstants.VFIO_IRQ_INFO_AUTOMASKED) != 0;

    /// <summary><c>VFIO_IRQ_INFO_NORESIZE</c>.</summary>
    public bool NoResize => (Flags & VfioConstants.VFIO_IRQ_INFO_NORESIZE) != 0;
}
