using Lab.Vfio;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Model;

/// <summary>
/// The container, group and device the cases share, opened in the kernel's order (container, group, SET_CONTAINER,
/// SET_IOMMU, GET_DEVICE_FD). A group fd can be open only once (<c>EBUSY</c>), so a case that needs a fresh group
/// gets the shared one released first (<see cref="Release"/>) and reopened after (<see cref="Reopen"/>).
/// </summary>
public sealed class VfioSession : IDisposable
{
    private readonly IVfioSyscalls _syscalls;

    private VfioSession(IVfioSyscalls syscalls, IommuMode iommu, string? groupPath, string? deviceName)
    {
        _syscalls = syscalls;
        Iommu = iommu;
        GroupPath = groupPath;
        DeviceName = deviceName;
    }

    /// <summary>The IOMMU mode.</summary>
    public IommuMode Iommu { get; }

    /// <summary>The group path it was opened from; null when it was given ready-made (cannot be reopened).</summary>
    public string? GroupPath { get; }

    /// <summary>The device name it was opened by.</summary>
    public string? DeviceName { get; }

    /// <summary>The container.</summary>
    public VfioContainer Container { get; private set; } = null!;

    /// <summary>The group, if any.</summary>
    public VfioGroup? Group { get; private set; }

    /// <summary>The device, if any.</summary>
    public VfioDevice? Device { get; private set; }

    /// <summary>Whether the shared objects are currently closed.</summary>
    public bool Released { get; private set; }

    /// <summary>
    /// How long <see cref="Open"/> waits for a group that is still busy: 5 s was too short twice in CI (a stress agent
    /// starting while the board's emulator was held up, an agent asked again after its first start was ended).
    /// </summary>
    public static readonly TimeSpan BusyWait = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Opens everything; throws <see cref="VfioException"/> naming the step that failed. A group that answers EBUSY is
    /// tried again for up to <see cref="BusyWait"/>: the previous agent of the device may have exited a moment ago,
    /// and the kernel lets go of its group only when its deferred cleanup (an IRQ's virqfd, the device's reset) has run.
    /// </summary>
    public static VfioSession Open(IVfioSyscalls syscalls, IommuMode iommu, string? groupPath, string? deviceName)
    {
        var s = new VfioSession(syscalls, iommu, groupPath, deviceName);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                s.Reopen();
                return s;
            }
            catch (VfioException e) when (e.Errno == Errno.EBUSY && clock.Elapsed < BusyWait)
            {
                Thread.Sleep(50);
            }
        }
    }

    /// <summary>Wraps objects opened elsewhere (unit tests); <see cref="Release"/> is not available.</summary>
    public static VfioSession Wrap(IVfioSyscalls syscalls, VfioContainer container, IommuMode iommu, VfioGroup? group, VfioDevice? device) =>
        new(syscalls, iommu, null, device?.Name) { Container = container, Group = group, Device = device };

    /// <summary>The SET_IOMMU type for <paramref name="iommu"/> (type1v2 when the container offers it).</summary>
    public static VfioExtension IommuType(VfioContainer container, IommuMode iommu)
    {
        if (container is null) { throw new ArgumentNullException(nameof(container)); }
        return iommu == IommuMode.NoIommu ? VfioExtension.NoIommu
            : container.CheckExtension(VfioExtension.Type1v2) ? VfioExtension.Type1v2 : VfioExtension.Type1;
    }

    /// <summary>Closes device, group and container so a case can open the group itself.</summary>
    public void Release()
    {
        if (GroupPath is null) { throw new InvalidOperationException("session was not opened from a group path"); }
        Dispose();
        Released = true;
    }

    /// <summary>Opens container, group and device again.</summary>
    public void Reopen()
    {
        var container = VfioContainer.Open(_syscalls);
        VfioGroup? group = null;
        VfioDevice? device = null;
        try
        {
            if (GroupPath is not null)
            {
                group = VfioGroup.Open(GroupPath, _syscalls);
                group.SetContainer(container);
                container.SetIommu(IommuType(container, Iommu));
                if (DeviceName is not null) { device = group.OpenDevice(DeviceName); }
            }
        }
        catch
        {
            device?.Dispose();
            group?.Dispose();
            container.Dispose();
            throw;
        }

        Container = container;
        Group = group;
        Device = device;
        Released = false;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Device?.Dispose();
        Group?.Dispose();
        Container?.Dispose();
    }
}
