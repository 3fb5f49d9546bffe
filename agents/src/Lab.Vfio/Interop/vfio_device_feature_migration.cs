using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_device_feature_migration</c>: <c>VFIO_DEVICE_FEATURE_MIGRATION</c> data.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_device_feature_migration
{
    /// <summary><c>flags</c>: <c>VFIO_MIGRATION_*</c>.</summary>
    public ulong flags;
}
