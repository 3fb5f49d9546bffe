using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Boards.Qemu;
using Lab.Orchestrator.Tests.Run;
using Lab.Orchestrator.Tests.Support;

namespace Lab.Orchestrator.Tests.Boards.Qemu;

/// <summary>Real kernel facts on the real board: our modules load, the three devices bind, groups appear.</summary>
[Category("Qemu")]
[NonParallelizable]
public sealed class QemuBoardTests
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(60);
    private QemuBoard _board = null!;
    private IReadOnlyList<DeviceBinding> _bindings = [];

    [OneTimeSetUp]
    public async Task BootAndBringUp()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        _board = await SharedQemuBoard.GetAsync(cts.Token);
        _bindings = await new VfioBringUp(_board.Ssh).BringUpFromImageAsync(RepoFiles.Path("kernel/bind-device.sh"), DeviceBindingRequest.QemuVirtDefaults, cts.Token);
    }

    [Test]
    public async Task The_board_runs_the_debian_kernel_the_modules_were_built_for()
    {
        var modules = await SharedQemuBoard.ModulesAsync(CancellationToken.None);
        var uname = await _board.Ssh.RunCheckedAsync("uname -r", _timeout, CancellationToken.None);

        Assert.That(uname.Stdout.Trim(), Is.EqualTo(modules.KernelRelease));
        Assert.That(modules.Modules.Select(m => m.Vermagic), Has.All.StartsWith(modules.KernelRelease + " "));
    }

    [Test]
    public async Task All_vfio_modules_are_loaded_with_their_parameters()
    {
        var loaded = await new VfioBringUp(_board.Ssh).LoadedModulesAsync(CancellationToken.None);
        var noiommu = await _board.Ssh.RunCheckedAsync("cat /sys/module/vfio/parameters/enable_unsafe_noiommu_mode", _timeout, CancellationToken.None);
        var reset = await _board.Ssh.RunCheckedAsync("cat /sys/module/vfio_platform/parameters/reset_required", _timeout, CancellationToken.None);

        Assert.That(loaded, Is.SupersetOf(new[]
        {
            "vfio", "vfio_iommu_type1", "vfio_virqfd", "vfio_platform_base", "vfio_platform", "vfio_amba", "vfio_pci_core", "vfio_pci",
        }));
        Assert.That(noiommu.Stdout.Trim(), Is.EqualTo("Y"));
        Assert.That(reset.Stdout.Trim(), Is.EqualTo("N"));
    }

    [Test]
    public void The_three_devices_are_bound_to_their_vfio_drivers_with_group_nodes()
    {
        var byDriver = _bindings.ToDictionary(b => b.Driver);

        Assert.That(byDriver.Keys, Is.EquivalentTo(new[] { "vfio-platform", "vfio-amba", "vfio-pci" }));
        Assert.That(byDriver["vfio-platform"].Device, Does.EndWith(".virtio_mmio"));
        Assert.That(byDriver["vfio-platform"].OriginalDriver, Is.EqualTo("virtio-mmio"));
        Assert.That(byDriver["vfio-platform"].GroupDevice, Does.StartWith("/dev/vfio/noiommu-"));
        Assert.That(byDriver["vfio-amba"].Device, Is.EqualTo("9010000.pl031"));
        Assert.That(byDriver["vfio-amba"].OriginalDriver, Is.EqualTo("rtc-pl031"));
        Assert.That(byDriver["vfio-amba"].GroupDevice, Does.StartWith("/dev/vfio/noiommu-"));
        Assert.That(byDriver["vfio-pci"].GroupDevice, Does.Match(@"^/dev/vfio/\d+$"), "edu sits behind the SMMUv3: a type1 group");
    }

    [Test]
    public async Task The_group_nodes_exist_on_the_board()
    {
        foreach (var b in _bindings)
        {
            var test = await _board.Ssh.RunAsync("test -c " + ShellQuote.Quote(b.GroupDevice), _timeout, CancellationToken.None);
            Assert.That(test.ExitStatus, Is.Zero, $"{b.GroupDevice} of {b.Device} is not a character device");
        }
    }

    [Test]
    public async Task Dmesg_shows_no_vfio_probe_error()
    {
        var dmesg = await _board.Ssh.RunCheckedAsync("dmesg", _timeout, CancellationToken.None);
        var vfioLines = dmesg.Stdout.Split('\n').Where(l => l.Contains("vfio", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.That(vfioLines, Has.None.Contains("probe").And.Contains("failed"), string.Join('\n', vfioLines));
        Assert.That(vfioLines, Has.None.Contains("No reset function found"));
        Assert.That(dmesg.Stdout, Does.Contain("vfio-platform").And.Contain("Adding to iommu group"));
    }

    [Test]
    public async Task Binding_again_is_idempotent_and_restore_returns_the_original_driver()
    {
        var bringUp = new VfioBringUp(_board.Ssh);
        var again = await bringUp.BindAsync(DeviceBindingRequest.Pl031, CancellationToken.None);
        Assert.That(again.Driver, Is.EqualTo("vfio-amba"));
        Assert.That(again.OriginalDriver, Is.EqualTo("rtc-pl031"));

        var restored = await bringUp.RestoreAsync(DeviceBindingRequest.Pl031.Selector, CancellationToken.None);
        Assert.That(restored.Driver, Is.EqualTo("rtc-pl031"));

        var rebound = await bringUp.BindAsync(DeviceBindingRequest.Pl031, CancellationToken.None);
        Assert.That(rebound.Driver, Is.EqualTo("vfio-amba"));
        Assert.That(rebound.GroupDevice, Does.StartWith("/dev/vfio/noiommu-"));
    }

    [Test]
    public async Task Devices_bound_after_loading_vfiolab_reset_take_its_reset_handlers()
    {
        var ct = CancellationToken.None;
        var bringUp = new VfioBringUp(_board.Ssh);
        DeviceBindingRequest[] platformDevices = [DeviceBindingRequest.VirtioRng, DeviceBindingRequest.Pl031];
        await _board.Ssh.RunCheckedAsync("modprobe vfiolab-reset", _timeout, ct);
        try
        {
            var before = await _board.Ssh.RunCheckedAsync("cat /sys/module/vfiolab_reset/refcnt", _timeout, ct);
            foreach (var d in platformDevices)
            {
                await bringUp.RestoreAsync(d.Selector, ct);
                await bringUp.BindAsync(d, ct);
            }

            // vfio_platform_get_reset() takes a module reference per device whose compatible matched a handler.
            var after = await _board.Ssh.RunCheckedAsync("cat /sys/module/vfiolab_reset/refcnt", _timeout, ct);
            Assert.That(before.Stdout.Trim(), Is.EqualTo("0"));
            Assert.That(after.Stdout.Trim(), Is.EqualTo("2"), "virtio,mmio and arm,pl031 both found a handler");
        }
        finally
        {
            foreach (var d in platformDevices)
            {
                await bringUp.RestoreAsync(d.Selector, ct);
            }

            await _board.Ssh.RunCheckedAsync("rmmod vfiolab_reset", _timeout, ct);
            foreach (var d in platformDevices)
            {
                await bringUp.BindAsync(d, ct);
            }
        }
    }

    [Test]
    public async Task The_lab_agent_runs_on_the_board_when_it_has_been_built()
    {
        var root = Lab.Orchestrator.Kernel.LabRoot.Find();
        var agent = Path.Combine(root, ".lab", "artifacts", "agent", "linux-arm64", "lab-agent");
        Assert.That(File.Exists(agent), Is.True, $"{agent} is missing: run agents/build.sh (test.sh does)");

        await _board.Ssh.UploadIfChangedAsync(agent, "/run/vfiolab/lab-agent", Convert.ToInt32("755", 8), CancellationToken.None);
        var list = await _board.Ssh.RunAsync("/run/vfiolab/lab-agent list", _timeout, CancellationToken.None);

        Assert.That(list.ExitStatus, Is.Zero, list.Stderr);
        Assert.That(list.Stdout, Does.Contain("vfio.common.container.api_version"), "the catalog must list its cases");
    }
}
