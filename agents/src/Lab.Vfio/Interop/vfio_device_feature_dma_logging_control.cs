using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_device_feature_dma_logging_control</c>: <c>VFIO_DEVICE_FEATURE_DMA_LOGGING_START</c> data.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_device_feature_dma_logging_control
{
    /// <summary><c>page_size</c></summary>
    public ulong page_size;

    /// <summary><c>num_ranges</c></summary>
    public uint num_ranges;

    /// <summary><c>__reserved</c></summary>
    public uint __reserved;

    /// <summary><c>ranges</c>: User pointer to the ranges.</summary>
    public ulong ranges;
}
