using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_device_feature_dma_logging_range</c>: One range of <c>vfio_device_feature_dma_logging_control</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_device_feature_dma_logging_range
{
    /// <summary><c>iova</c></summary>
    public ulong iova;

    /// <summary><c>length</c></summary>
    public ulong length;
}
