using System.Runtime.InteropServices;

namespace Lab.Vfio.Interop;

/// <summary><c>struct vfio_iova_range</c>: One usable IOVA range (inclusive end).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct vfio_iova_range
{
    /// <summary><c>start</c></summary>
    public ulong start;

    /// <summary><c>end</c>: Inclusive.</summary>
    public ulong end;
}
