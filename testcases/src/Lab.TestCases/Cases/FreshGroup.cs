using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>Opening a fresh container and group for cases with <see cref="CaseFeature.FreshGroup"/>.</summary>
internal static class FreshGroup
{
    /// <summary>Opens the run's group again (the runner has released the shared one).</summary>
    public static VfioGroup Open(CaseContext context) => VfioGroup.Open(context.Session.GroupPath!, context.Syscalls);

    /// <summary>A new container.</summary>
    public static VfioContainer Container(CaseContext context) => VfioContainer.Open(context.Syscalls);

    /// <summary>The SET_IOMMU type of the run, as the raw value.</summary>
    public static uint IommuType(CaseContext context, VfioContainer container) => (uint)VfioSession.IommuType(container, context.Iommu);
}
