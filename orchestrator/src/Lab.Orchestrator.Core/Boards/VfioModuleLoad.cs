namespace Lab.Orchestrator.Core.Boards;

/// <summary>A module to load on the board, with its parameters (each one word: <c>name=value</c>).</summary>
public sealed record VfioModuleLoad(string Module, params IReadOnlyList<string> Parameters)
{
    /// <summary>
    /// The load order on the board. busybox modprobe ignores softdeps, so vfio_iommu_type1 and the bases are
    /// named explicitly. No-IOMMU mode for the platform/AMBA devices, no reset requirement for vfio-platform.
    /// </summary>
    public static IReadOnlyList<VfioModuleLoad> Defaults { get; } =
    [
        new("vfio", "enable_unsafe_noiommu_mode=1"),
        new("vfio_iommu_type1"),
        new("vfio_virqfd"),
        new("vfio-platform-base"),
        new("vfio-platform", "reset_required=0"),
        new("vfio-amba"),
        new("vfio-pci-core"),
        new("vfio-pci"),
    ];
}
