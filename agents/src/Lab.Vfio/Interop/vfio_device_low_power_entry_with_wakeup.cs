using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_device_low_power_entry_with_wakeup</c>: <c>VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY_WITH_WAKEUP</c> data.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_device_low_power_entry_with_wakeup
{
    /// <summary><c>wakeup_eventfd</c></summary>
    public int wakeup_eventfd;

    /// <summary><c>reserved</c></summary>
    public uint reserved;
}
