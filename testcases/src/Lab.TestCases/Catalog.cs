using Lab.TestCases.Cases;
using Lab.TestCases.Model;

namespace Lab.TestCases;

/// <summary>
/// Every case the agent can run, listed explicitly (no reflection: the arm64 agent is NativeAOT). Add a case:
/// write its class under <c>Cases/</c> and add one line here.
/// </summary>
public static class Catalog
{
    /// <summary>All cases, in run order.</summary>
    public static IReadOnlyList<IVfioCase> All { get; } =
    [
        new ApiVersionCase(),
        new ExtensionsCase(),
        new GroupStatusCase(),
        new DeviceInfoCase(),
        new RegionInfoCase(),
        new IrqInfoCase(),

        // Container and group negative paths (issue 5, priority 1).
        new SetIommuNoGroupCase(),
        new SetIommuUnsupportedCase(),
        new SetIommuTwiceCase(),
        new GroupStatusLifecycleCase(),
        new SetContainerBadFdCase(),
        new SetContainerNotContainerCase(),
        new SetContainerTwiceCase(),
        new UnsetContainerNotSetCase(),
        new UnsetContainerBusyCase(),
        new GetDeviceFdBadNameCase(),
        new GetDeviceFdNoContainerCase(),
        new GetDeviceFdNoIommuCase(),
        new GetDeviceFdTwiceCase(),

        // Device info and regions per driver (priority 2).
        DeviceFlagsCase.Platform,
        DeviceFlagsCase.Amba,
        DeviceFlagsCase.Pci,
        new DeviceUnknownIoctlCase(),
        new DeviceInfoArgszShortCase(),
        new DeviceResetCase(),
        RegionIdRegistersCase.Platform,
        RegionIdRegistersCase.Amba,
        RegionIdRegistersCase.Pci,
        new RegionReadPastEndCase(),

        // mmap (priority 3).
        MmapCase.Shared,
        MmapCase.Private,
        MmapCase.OffsetPastEnd,
        MmapCase.LengthPastEnd,
        MmapCase.NoMmapFlag,

        // IRQs (priority 4).
        IrqCase.PlatformFlags,
        IrqCase.AmbaFlags,
        IrqCase.LoopbackNone,
        IrqCase.LoopbackBool,
        IrqCase.DisableCount0,
        IrqCase.MaskedNotDelivered,
        IrqCase.BadStart,
        IrqCase.BadIndex,
        IrqCase.MaskEdge,
        IrqCase.MaskEventfd,
        new IrqRoutingCase(),
        Pl031MatchCase.UnmaskIoctl,
        Pl031MatchCase.UnmaskEventfd,

        // type1 DMA (priority 5) and churn (priority 6).
        new IommuInfoIovaRangesCase(),
        DmaCase.MapFlags,
        DmaCase.UnalignedVaddr,
        DmaCase.UnalignedIova,
        DmaCase.UnalignedSize,
        DmaCase.MsiHole,
        DmaCase.Overlap,
        DmaCase.UnmapNothing,
        DmaCase.UnmapBadFlags,
        EduDmaCase.Instance,
        DmaCase.Churn,

        // edu behind the SMMUv3 (issue 5): MSI and INTx, DMA at offsets, stray DMA blocked, DMA+IRQ stress.
        new EduMsiCase(),
        new EduIntxCase(),
        new EduIntxMaskKindsCase(),
        new EduOffsetsCase(),
        new SmmuFaultCase(),
        new EduStressCase(),

        // virtio-mmio through vfio-platform, no IOMMU (issue 5): a user-space legacy virtio driver (Virtio/) with a real
        // edge IRQ and device DMA at physical addresses; the stress case loops requests for the stress duration.
        new VirtioCompletionCase(),
        new VirtioRngDmaCase(),
        new VirtioBlkDmaCase(),
        new VirtioStressCase(),

        // Reset, region widths, device feature, PL031 IRQ stress (issue 5, reset helper).
        new ResetRegistersCase(),
        new RegionRwWidthsCase(),
        new FeatureProbeCase(),
        new PciHotResetInfoCase(),
        new Pl031StressCase(),
        new Pl330IdentifyCase(),
        new Pl330MemcpyCase(),
        new Pl330FaultCase(),
        new Pl330MaskCase(),
        new Pl330StressCase(),
    ];

    /// <summary>The cases whose id matches <paramref name="pattern"/> (see <see cref="CaseIds.Matches"/>).</summary>
    public static IReadOnlyList<IVfioCase> Find(string? pattern) => All.Where(c => CaseIds.Matches(c.Id, pattern)).ToList();
}
