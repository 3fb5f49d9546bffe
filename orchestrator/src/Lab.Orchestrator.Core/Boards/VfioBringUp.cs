using Lab.Orchestrator.Core.Pipeline;

namespace Lab.Orchestrator.Core.Boards;

/// <summary>
/// Brings a booted board to "modules loaded, devices bound" and back: the VFIO modules by modprobe from the
/// board's image, or uploaded and insmodded in dependency order on a board with its own OS; the uploaded
/// kernel/bind-device.sh binds devices found by discovery, records their original drivers and restores them.
/// </summary>
public sealed class VfioBringUp(IBoardLink link)
{
    /// <summary>Where the bind script lives on the board.</summary>
    public const string RemoteBindScript = "/run/vfiolab/bind-device.sh";

    /// <summary>Where uploaded modules go on the board (a tmpfs: a reset forgets them).</summary>
    public const string RemoteModules = "/run/vfiolab/modules";

    private static readonly TimeSpan _commandTimeout = TimeSpan.FromSeconds(60);
    private readonly IBoardLink _link = link;

    /// <summary>Loads the modules of <paramref name="plan"/> with modprobe (they are in the board's image).</summary>
    public async Task LoadFromImageAsync(IReadOnlyList<VfioModuleLoad> plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var m in plan)
        {
            await RunIdempotentAsync(ShellQuote.Join(["modprobe", m.Module, .. m.Parameters]), ct).ConfigureAwait(false);
        }

        await EnableNoIommuAsync(plan, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks that the board runs <paramref name="release"/>, uploads the built modules and insmods them in
    /// dependency order with the plan's parameters. Dependencies that are not ours come from the board
    /// (modprobe). Returns the module names it loaded, in load order (unload in reverse).
    /// </summary>
    public async Task<IReadOnlyList<string>> UploadAndLoadAsync(
        string release, IReadOnlyList<BoardModule> built, IReadOnlyList<VfioModuleLoad> plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(built);
        ArgumentNullException.ThrowIfNull(plan);
        var uname = (await _link.RunCheckedAsync("uname -r", _commandTimeout, ct).ConfigureAwait(false)).Stdout.Trim();
        if (!string.Equals(uname, release, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"{_link.Endpoint} runs kernel {uname}, but the modules were built for {release}: build them for the board's kernel (kernels.NAME: headers of {uname})");
        }

        var order = ModuleLoadOrder.Sort(plan, built);
        var loadedBefore = await LoadedModulesAsync(ct).ConfigureAwait(false);
        var clash = order.Select(o => o.Module.Name).Where(n => loadedBefore.Contains(n)).ToList();
        if (clash.Count > 0)
        {
            throw new InvalidOperationException(
                $"{_link.Endpoint} already has {string.Join(", ", clash)} loaded (not by this run); unload it (rmmod) so the built modules can be tested");
        }

        var ours = order.Select(o => o.Module.Name).ToHashSet(StringComparer.Ordinal);
        await _link.RunCheckedAsync(ShellQuote.Join(["mkdir", "-p", RemoteModules]), _commandTimeout, ct).ConfigureAwait(false);
        var loaded = new List<string>();
        foreach (var (module, parameters) in order)
        {
            foreach (var dependency in module.Depends.Where(d => !ours.Contains(ModuleLoadPlan.Normalize(d))))
            {
                // The board's own module (irqbypass and the like); built-in ones answer 0 as well.
                await _link.RunCheckedAsync(ShellQuote.Join(["modprobe", dependency]), _commandTimeout, ct).ConfigureAwait(false);
            }

            var remote = RemoteModules + "/" + Path.GetFileName(module.Path);
            await _link.UploadIfChangedAsync(module.Path, remote, Convert.ToInt32("644", 8), ct).ConfigureAwait(false);
            await _link.RunCheckedAsync(ShellQuote.Join(["insmod", remote, .. parameters]), _commandTimeout, ct).ConfigureAwait(false);
            loaded.Add(module.Name);
        }

        await EnableNoIommuAsync(plan, ct).ConfigureAwait(false);
        return loaded;
    }

    /// <summary>Unloads <paramref name="loaded"/> in reverse order; returns the problems (empty: all gone).</summary>
    public async Task<IReadOnlyList<string>> UnloadAsync(IReadOnlyList<string> loaded, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        List<string> problems = [];
        foreach (var name in loaded.Reverse())
        {
            var result = await _link.RunAsync(ShellQuote.Join(["rmmod", name]), _commandTimeout, ct).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                problems.Add($"rmmod {name}: {result.Stderr.Trim()}");
            }
        }

        return problems;
    }

    /// <summary>The names in /proc/modules.</summary>
    public async Task<IReadOnlySet<string>> LoadedModulesAsync(CancellationToken ct)
    {
        var result = await _link.RunCheckedAsync("cat /proc/modules", _commandTimeout, ct).ConfigureAwait(false);
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 2)[0])
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Uploads kernel/bind-device.sh unless the board already has the same file.</summary>
    public Task<UploadResult> InstallBindScriptAsync(string localPath, CancellationToken ct) =>
        _link.UploadIfChangedAsync(localPath, RemoteBindScript, Convert.ToInt32("755", 8), ct);

    /// <summary>Binds one device (idempotent: a device already on the driver stays).</summary>
    public async Task<DeviceBinding> BindAsync(DeviceBindingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await RunIdempotentAsync(ShellQuote.Join([RemoteBindScript, "bind", request.Selector, request.Driver]), ct).ConfigureAwait(false);
        return DeviceBinding.Parse(request.Selector, result.Stdout);
    }

    /// <summary>Returns a device to the driver it had before the first bind (idempotent: a device with nothing to restore stays).</summary>
    public async Task<DeviceBinding> RestoreAsync(string selector, CancellationToken ct)
    {
        var result = await RunIdempotentAsync(ShellQuote.Join([RemoteBindScript, "restore", selector]), ct).ConfigureAwait(false);
        return DeviceBinding.Parse(selector, result.Stdout);
    }

    /// <summary>
    /// A command that may run twice (modprobe, bind, restore), asked once more when its channel broke without its own
    /// timeout: under load an SSH channel sometimes never answers its opening, while the session and the next
    /// command are fine (seen on the restore of four devices at once). A board that is really gone fails again.
    /// </summary>
    private async Task<CommandResult> RunIdempotentAsync(string command, CancellationToken ct)
    {
        try
        {
            return await _link.RunCheckedAsync(command, _commandTimeout, ct).ConfigureAwait(false);
        }
        catch (BoardConnectionLostException e) when (!e.TimedOut && !ct.IsCancellationRequested)
        {
            return await _link.RunCheckedAsync(command, _commandTimeout, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Installs the bind script, loads the default modules from the image and binds the given devices.</summary>
    public async Task<IReadOnlyList<DeviceBinding>> BringUpFromImageAsync(string bindScriptPath, IReadOnlyList<DeviceBindingRequest> devices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(devices);
        await InstallBindScriptAsync(bindScriptPath, ct).ConfigureAwait(false);
        await LoadFromImageAsync(VfioModuleLoad.Defaults, ct).ConfigureAwait(false);
        var bound = new List<DeviceBinding>();
        foreach (var d in devices)
        {
            bound.Add(await BindAsync(d, ct).ConfigureAwait(false));
        }

        return bound;
    }

    private async Task EnableNoIommuAsync(IReadOnlyList<VfioModuleLoad> plan, CancellationToken ct)
    {
        // The parameter is writable at run time; a vfio loaded earlier without it would otherwise stay IOMMU-only.
        if (plan.Any(m => m.Module == "vfio" && m.Parameters.Contains("enable_unsafe_noiommu_mode=1")))
        {
            await _link.RunCheckedAsync("echo 1 > /sys/module/vfio/parameters/enable_unsafe_noiommu_mode", _commandTimeout, ct)
                .ConfigureAwait(false);
        }
    }
}
