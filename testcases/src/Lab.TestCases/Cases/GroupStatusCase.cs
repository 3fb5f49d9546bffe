using Lab.TestCases.Model;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Cases;

/// <summary><c>VFIO_GROUP_GET_STATUS</c>: the group is viable and attached to the container.</summary>
public sealed class GroupStatusCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.group.status";

    /// <inheritdoc/>
    public string Description => "VFIO_GROUP_GET_STATUS reports VIABLE | CONTAINER_SET once the group is attached";

    /// <inheritdoc/>
    public Requirements Requirements => Requirements.Group;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var status = context.Group!.GetStatus();
        context.Measure("vfio.group.flags", status.Flags);
        const uint want = VfioConstants.VFIO_GROUP_FLAGS_VIABLE | VfioConstants.VFIO_GROUP_FLAGS_CONTAINER_SET;
        return status.Flags == want
            ? CaseOutcome.Pass()
            : CaseOutcome.Fail($"VFIO_GROUP_GET_STATUS flags 0x{status.Flags:x}, expected 0x{want:x} (VIABLE|CONTAINER_SET)");
    }
}
