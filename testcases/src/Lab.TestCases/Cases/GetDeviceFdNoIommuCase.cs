using Lab.TestCases.Model;

namespace Lab.TestCases.Cases;

/// <summary>VFIO_GROUP_GET_DEVICE_FD before the container has an IOMMU is refused</summary>
public sealed class GetDeviceFdNoIommuCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.group.get_device_fd_no_iommu";

    /// <inheritdoc/>
    public string Description => "VFIO_GROUP_GET_DEVICE_FD before the container has an IOMMU is refused";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = new(CaseFeature.Group | CaseFeature.Device | CaseFeature.FreshGroup);

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        using var container = FreshGroup.Container(context);
        using var group = FreshGroup.Open(context);
        group.SetContainer(container);
        var name = context.Session.DeviceName!;
        var errno = group.TryOpenDevice(name, out var device);
        device?.Dispose();
        return ExpectedErrno.Check(context, Id, $"VFIO_GROUP_GET_DEVICE_FD(\"{name}\") without SET_IOMMU", errno);
    }
}
