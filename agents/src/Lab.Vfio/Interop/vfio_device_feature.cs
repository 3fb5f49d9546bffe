using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_device_feature</c>: <c>VFIO_DEVICE_FEATURE</c> header; followed by feature data.</summary>
[FlexibleArray("data", typeof(byte))]
[StructLayout(LayoutKind.Sequential)]
public struct vfio_device_feature
{
    /// <summary><c>argsz</c>: size of the whole argument; always set by the caller.</summary>
    public uint argsz;

    /// <summary><c>flags</c>: Feature index | <c>VFIO_DEVICE_FEATURE_GET/SET/PROBE</c>.</summary>
    public uint flags;
}
