using Lab.TestCases.Model;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Cases;

/// <summary>VFIO_GROUP_GET_STATUS: VIABLE before SET_CONTAINER, VIABLE|CONTAINER_SET after, VIABLE again after UNSET_CONTAINER</summary>
public sealed class GroupStatusLifecycleCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.group.status_lifecycle";

    /// <inheritdoc/>
    public string Description => "VFIO_GROUP_GET_STATUS: VIABLE before SET_CONTAINER, VIABLE|CONTAINER_SET after, VIABLE again after UNSET_CONTAINER";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = new(CaseFeature.Group | CaseFeature.FreshGroup);

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        using var container = FreshGroup.Container(context);
        using var group = FreshGroup.Open(context);
        const uint viable = VfioConstants.VFIO_GROUP_FLAGS_VIABLE;
        const uint set = VfioConstants.VFIO_GROUP_FLAGS_CONTAINER_SET;
        var before = group.GetStatus().Flags;
        group.SetContainer(container);
        var attached = group.GetStatus().Flags;
        var unset = group.TryUnsetContainer();
        var after = group.GetStatus().Flags;
        context.Note($"flags before 0x{before:x}, attached 0x{attached:x}, after unset 0x{after:x}");
        if (before != viable) { return CaseOutcome.Fail($"VFIO_GROUP_GET_STATUS before SET_CONTAINER: flags 0x{before:x}, expected 0x{viable:x} (VIABLE)"); }
        if (attached != (viable | set)) { return CaseOutcome.Fail($"VFIO_GROUP_GET_STATUS after SET_CONTAINER: flags 0x{attached:x}, expected 0x{viable | set:x} (VIABLE|CONTAINER_SET)"); }
        if (unset != 0) { return CaseOutcome.Fail($"VFIO_GROUP_UNSET_CONTAINER on an attached group with no device open: {ExpectedErrno.Describe(unset)}"); }
        return after == viable
            ? CaseOutcome.Pass()
            : CaseOutcome.Fail($"VFIO_GROUP_GET_STATUS after UNSET_CONTAINER: flags 0x{after:x}, expected 0x{viable:x} (VIABLE)");
    }
}
