using Lab.Vfio;

namespace Lab.TestCases.Model;

/// <summary>The features a case needs; <see cref="Missing"/> says why a context cannot run it.</summary>
/// <param name="Features">Needed features.</param>
public sealed record Requirements(CaseFeature Features)
{
    /// <summary>The VFIO driver the device must be bound to (<c>platform</c>, <c>amba</c>, <c>pci</c>), or null for any.</summary>
    public string? Driver { get; init; }

    /// <summary>Needs the device, bound to <paramref name="driver"/>.</summary>
    public static Requirements DeviceOf(string driver, CaseFeature more = CaseFeature.None) =>
        new(CaseFeature.Group | CaseFeature.Device | more) { Driver = driver };

    /// <summary>Needs only the container.</summary>
    public static Requirements None { get; } = new(CaseFeature.None);

    /// <summary>Needs the group.</summary>
    public static Requirements Group { get; } = new(CaseFeature.Group);

    /// <summary>Needs the device.</summary>
    public static Requirements Device { get; } = new(CaseFeature.Group | CaseFeature.Device);

    /// <summary>The lab.json device feature tags that mean "the device has an IRQ".</summary>
    public static IReadOnlyList<string> IrqFeatures { get; } = new[] { "edge-irq", "level-irq", "msi", "intx" };

    /// <summary>
    /// lab.json device feature tags of which the device needs at least one (empty: none): what the device is
    /// (<c>edu</c>, <c>pl031</c>, <c>virtio-entropy</c>) or has (<c>level-irq</c>, <c>unmapped-region</c>).
    /// </summary>
    public IReadOnlyList<string> AnyDeviceFeature { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Why the case can never apply to a device bound to <paramref name="driver"/> (<c>platform</c>, <c>amba</c>,
    /// <c>pci</c>) in <paramref name="iommu"/> mode with the lab.json feature tags <paramref name="deviceFeatures"/>;
    /// null when it may (the board may still show a reason to skip). Decided without a board, for the run's plan.
    /// </summary>
    public string? NotApplicable(string driver, IommuMode iommu, IReadOnlyCollection<string> deviceFeatures)
    {
        if (deviceFeatures is null) { throw new ArgumentNullException(nameof(deviceFeatures)); }
        if (Has(CaseFeature.Type1) && iommu != IommuMode.Type1) { return "needs --iommu type1"; }
        if (Has(CaseFeature.NoIommu) && iommu != IommuMode.NoIommu) { return "needs --iommu noiommu"; }
        if (Driver is not null && driver != Driver) { return "device is bound to vfio-" + driver + "; case needs vfio-" + Driver; }
        if (Has(CaseFeature.Irq) && !IrqFeatures.Any(deviceFeatures.Contains)) { return "device has no IRQ (no feature " + string.Join(", ", IrqFeatures) + ")"; }
        if (Has(CaseFeature.MmapRegion) && !deviceFeatures.Contains("mmap")) { return "device has no mmap-able region (no feature mmap)"; }
        if (AnyDeviceFeature.Count > 0 && !AnyDeviceFeature.Any(deviceFeatures.Contains)) { return "device has none of the features " + string.Join(", ", AnyDeviceFeature); }
        return null;
    }

    /// <summary>The reason <paramref name="context"/> cannot run the case, or null when it can.</summary>
    public string? Missing(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        if (Has(CaseFeature.FreshGroup) && context.Session.GroupPath is null) { return "needs the group path to reopen the group (--group)"; }
        if (Has(CaseFeature.Group) && context.Group is null) { return "needs a group (--group)"; }
        if (Has(CaseFeature.Device) && context.Device is null) { return "needs a device (--device)"; }
        if (Has(CaseFeature.Type1) && context.Iommu != IommuMode.Type1) { return "needs --iommu type1"; }
        if (Has(CaseFeature.NoIommu) && context.Iommu != IommuMode.NoIommu) { return "needs --iommu noiommu"; }
        if (Driver is not null && context.Driver != Driver) { return "device is bound to vfio-" + context.Driver + "; case needs vfio-" + Driver; }
        VfioDeviceInfo? info = null;
        if (Has(CaseFeature.Irq) && (info ??= context.Device!.GetInfo()).NumIrqs == 0) { return "device has no IRQ"; }
        if (Has(CaseFeature.MmapRegion))
        {
            var device = context.Device!;
            info ??= device.GetInfo();
            var any = Enumerable.Range(0, (int)info.NumRegions).Any(i => device.TryGetRegionInfo((uint)i, out var r) == 0 && r!.CanMmap);
            if (!any) { return "device has no mmap-able region"; }
        }

        return null;
    }

    /// <summary>Whether <paramref name="f"/> is among the needed features.</summary>
    public bool Has(CaseFeature f) => (Features & f) == f;
}
