using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_device_feature_dma_logging_report</c>: <c>VFIO_DEVICE_FEATURE_DMA_LOGGING_REPORT</c> data.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_device_feature_dma_logging_report
{
    /// <summary><c>iova</c></summary>
    public ulong iova;

    /// <summary><c>length</c></summary>
    public ulong length;

    /// <summary><c>page_size</c></summary>
    public ulong page_size;

    /// <summary><c>bitmap</c>: User pointer to the bitmap.</summary>
    public ulong bitmap;
}
