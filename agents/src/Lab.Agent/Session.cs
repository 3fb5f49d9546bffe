using Lab.TestCases.Model;
using Lab.Vfio;
using Lab.Vfio.Interop;

namespace Lab.Agent;

/// <summary>The container, group and device a run or probe works on, opened in the kernel's order.</summary>
internal sealed class Session : IDisposable
{
    private Session(VfioContainer container, VfioGroup? group, VfioDevice? device)
    {
        Container = container;
        Group = group;
        Device = device;
    }

    public VfioContainer Container { get; }

    public VfioGroup? Group { get; }

    public VfioDevice? Device { get; }

    /// <summary>Opens everything; throws <see cref="VfioException"/> naming the step that failed.</summary>
    public static Session Open(AgentOptions options, IVfioSyscalls syscalls)
    {
        var container = VfioContainer.Open(syscalls);
        VfioGroup? group = null;
        VfioDevice? device = null;
        try
        {
            if (options.Group is not null)
            {
                group = VfioGroup.Open(options.Group, syscalls);
                group.SetContainer(container);
                var type = options.Iommu == IommuMode.NoIommu ? VfioExtension.NoIommu
                    : container.CheckExtension(VfioExtension.Type1v2) ? VfioExtension.Type1v2 : VfioExtension.Type1;
                container.SetIommu(type);
                if (options.Device is not null) { device = group.OpenDevice(options.Device); }
            }

            return new Session(container, group, device);
        }
        catch
        {
            device?.Dispose();
            group?.Dispose();
            container.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Device?.Dispose();
        Group?.Dispose();
        Container.Dispose();
    }
}
