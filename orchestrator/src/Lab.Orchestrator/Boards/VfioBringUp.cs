using Lab.Orchestrator.Kernel;
using Lab.Orchestrator.Ssh;

namespace Lab.Orchestrator.Boards;

/// <summary>
/// Brings a booted board to "modules loaded, devices bound": modprobe with parameters, then the uploaded
/// kernel/bind-device.sh binds devices found by discovery and records their original drivers for restore.
/// </summary>
internal sealed class VfioBringUp(BoardSsh ssh)
{
    /// <summary>Where the bind script lives on the board.</summary>
    public const string RemoteBindScript = "/run/vfiolab/bind-device.sh";

    private static readonly TimeSpan _commandTimeout = TimeSpan.FromSeconds(60);
    private readonly BoardSsh _ssh = ssh;

    /// <summary>Loads the modules in order; returns the board's loaded module names afterwards (/proc/modules).</summary>
    public async Task<IReadOnlyList<string>> LoadModulesAsync(IReadOnlyList<VfioModuleLoad> modules, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var m in modules)
        {
            await _ssh.RunCheckedAsync(ShellQuote.Join(["modprobe", m.Module, .. m.Parameters]), _commandTimeout, ct).ConfigureAwait(false);
        }

        // The parameter is writable at run time; a vfio loaded earlier without it would otherwise stay IOMMU-only.
        if (modules.Any(m => m.Module == "vfio" && m.Parameters.Contains("enable_unsafe_noiommu_mode=1")))
        {
            await _ssh.RunCheckedAsync("echo 1 > /sys/module/vfio/parameters/enable_unsafe_noiommu_mode", _commandTimeout, ct)
                .ConfigureAwait(false);
        }

        return await LoadedModulesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The names in /proc/modules.</summary>
    public async Task<IReadOnlyList<string>> LoadedModulesAsync(CancellationToken ct)
    {
        var result = await _ssh.RunCheckedAsync("cat /proc/modules", _commandTimeout, ct).ConfigureAwait(false);
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 2)[0])
            .ToList();
    }

    /// <summary>Uploads kernel/bind-device.sh unless the board already has the same file.</summary>
    public Task<UploadResult> InstallBindScriptAsync(CancellationToken ct) =>
        _ssh.UploadIfChangedAsync(Path.Combine(LabRoot.KernelDirectory(), "bind-device.sh"), RemoteBindScript, Convert.ToInt32("755", 8), ct);

    /// <summary>Binds one device (idempotent: a device already on the driver stays).</summary>
    public async Task<DeviceBinding> BindAsync(DeviceBindingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await _ssh.RunCheckedAsync(ShellQuote.Join([RemoteBindScript, "bind", request.Selector, request.Driver]), _commandTimeout, ct)
            .ConfigureAwait(false);
        return DeviceBinding.Parse(request.Selector, result.Stdout);
    }

    /// <summary>Returns a device to the driver it had before the first bind.</summary>
    public async Task<DeviceBinding> RestoreAsync(string selector, CancellationToken ct)
    {
        var result = await _ssh.RunCheckedAsync(ShellQuote.Join([RemoteBindScript, "restore", selector]), _commandTimeout, ct).ConfigureAwait(false);
        return DeviceBinding.Parse(selector, result.Stdout);
    }

    /// <summary>Installs the script, loads the default modules and binds the given devices.</summary>
    public async Task<IReadOnlyList<DeviceBinding>> BringUpAsync(IReadOnlyList<DeviceBindingRequest> devices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(devices);
        await InstallBindScriptAsync(ct).ConfigureAwait(false);
        await LoadModulesAsync(VfioModuleLoad.Defaults, ct).ConfigureAwait(false);
        var bound = new List<DeviceBinding>();
        foreach (var d in devices)
        {
            bound.Add(await BindAsync(d, ct).ConfigureAwait(false));
        }

        return bound;
    }
}
