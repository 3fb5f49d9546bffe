using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_device_feature_mig_state</c>: <c>VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE</c> data.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_device_feature_mig_state
{
    /// <summary><c>device_state</c></summary>
    public uint device_state;

    /// <summary><c>data_fd</c></summary>
    public int data_fd;
}
