using System.Text.Json;
using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Boards.Qemu;
using Lab.Orchestrator.Tests.Run;
using Lab.Orchestrator.Tests.Support;

namespace Lab.Orchestrator.Tests.Boards.Qemu;

/// <summary>
/// What the real kernel reports through VFIO for each device of the default board, read by the real agent
/// (<c>lab-agent probe</c>) over the real SSH link: the facts the catalog builds on.
/// </summary>
[Category("Qemu")]
[NonParallelizable]
public sealed class AgentProbeQemuTests
{
    private const uint VfioRegionInfoFlagMmap = 1u << 2; // VFIO_REGION_INFO_FLAG_MMAP
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(60);
    private QemuBoard _board = null!;
    private Dictionary<string, DeviceBinding> _bindings = null!;

    [OneTimeSetUp]
    public async Task BootBindAndDeploy()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        _board = await SharedQemuBoard.GetAsync(cts.Token);
        var bound = await new VfioBringUp(_board.Ssh).BringUpFromImageAsync(RepoFiles.Path("kernel/bind-device.sh"), DeviceBindingRequest.QemuVirtDefaults, cts.Token);
        _bindings = bound.ToDictionary(b => b.Selector);
        var agent = RepoFiles.Path(".lab/artifacts/agent/linux-arm64/lab-agent");
        Assert.That(File.Exists(agent), Is.True, $"{agent} is missing: run agents/build.sh (test.sh does)");
        await _board.Ssh.UploadIfChangedAsync(agent, DeviceCaseRun.RemoteAgent, Convert.ToInt32("755", 8), cts.Token);
    }

    private async Task<JsonElement> ProbeAsync(DeviceBindingRequest request, string iommu)
    {
        var b = _bindings[request.Selector];
        var result = await _board.Ssh.RunArgvAsync(
            [DeviceCaseRun.RemoteAgent, "probe", "--device", b.Device, "--group", b.GroupDevice, "--iommu", iommu], _timeout, CancellationToken.None);
        Assert.That(result.ExitStatus, Is.Zero, $"lab-agent probe {b.Device}: {result.Stderr}");
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    [Test]
    public async Task Virtio_rng_on_vfio_platform_is_a_platform_device_with_one_0x200_region_and_one_edge_irq()
    {
        var probe = await ProbeAsync(DeviceBindingRequest.VirtioRng, "noiommu");
        var info = probe.GetProperty("info");
        var region = probe.GetProperty("regions")[0];
        var irq = probe.GetProperty("irqs")[0];

        Assert.Multiple(() =>
        {
            Assert.That(info.GetProperty("platform").GetBoolean(), Is.True, "VFIO_DEVICE_FLAGS_PLATFORM");
            Assert.That(info.GetProperty("amba").GetBoolean() || info.GetProperty("pci").GetBoolean(), Is.False);
            Assert.That(info.GetProperty("reset").GetBoolean(), Is.False, "no reset handler is loaded");
            Assert.That(info.GetProperty("num_regions").GetInt32(), Is.EqualTo(1));
            Assert.That(info.GetProperty("num_irqs").GetInt32(), Is.EqualTo(1));
            Assert.That(region.GetProperty("size").GetUInt64(), Is.EqualTo(0x200UL));
            Assert.That(region.GetProperty("read").GetBoolean() && region.GetProperty("write").GetBoolean(), Is.True);
            Assert.That(region.GetProperty("mmap").GetBoolean(), Is.False, "0x200 is not page sized: no MMAP flag");
            Assert.That(irq.GetProperty("eventfd").GetBoolean(), Is.True);
            Assert.That(irq.GetProperty("maskable").GetBoolean(), Is.False, "an edge IRQ is not maskable");
            Assert.That(probe.GetProperty("extensions").GetProperty("NoIommu").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task Pl031_on_vfio_amba_has_an_mmap_able_4k_region_and_a_maskable_automasked_level_irq()
    {
        var probe = await ProbeAsync(DeviceBindingRequest.Pl031, "noiommu");
        var info = probe.GetProperty("info");
        var region = probe.GetProperty("regions")[0];
        var irq = probe.GetProperty("irqs")[0];

        Assert.Multiple(() =>
        {
            Assert.That(info.GetProperty("amba").GetBoolean(), Is.True, "VFIO_DEVICE_FLAGS_AMBA");
            Assert.That(info.GetProperty("num_regions").GetInt32(), Is.EqualTo(1));
            Assert.That(region.GetProperty("size").GetUInt64(), Is.EqualTo(0x1000UL));
            Assert.That(region.GetProperty("mmap").GetBoolean(), Is.True);
            Assert.That(region.GetProperty("flags").GetUInt32() & VfioRegionInfoFlagMmap, Is.Not.Zero);
            Assert.That(irq.GetProperty("eventfd").GetBoolean(), Is.True);
            Assert.That(irq.GetProperty("maskable").GetBoolean(), Is.True);
            Assert.That(irq.GetProperty("automasked").GetBoolean(), Is.True, "a level IRQ is automasked");
        });
    }

    [Test]
    public async Task Edu_on_vfio_pci_is_pci_and_its_type1_container_lists_iova_ranges_around_the_msi_hole()
    {
        var probe = await ProbeAsync(DeviceBindingRequest.Edu, "type1");
        var info = probe.GetProperty("info");
        var ranges = probe.GetProperty("iommu_info").GetProperty("iova_ranges").EnumerateArray()
            .Select(r => (Start: r.GetProperty("start").GetUInt64(), End: r.GetProperty("end").GetUInt64())).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(info.GetProperty("pci").GetBoolean(), Is.True, "VFIO_DEVICE_FLAGS_PCI");
            Assert.That(info.GetProperty("num_regions").GetInt32(), Is.GreaterThanOrEqualTo(9), "6 BARs, ROM, config, VGA");
            Assert.That(probe.GetProperty("regions")[0].GetProperty("size").GetUInt64(), Is.EqualTo(0x100000UL), "edu BAR0 is 1 MiB");
            Assert.That(probe.GetProperty("extensions").GetProperty("Type1v2").GetBoolean(), Is.True);
            Assert.That(probe.GetProperty("irqs")[1].GetProperty("eventfd").GetBoolean(), Is.True, "MSI (index 1)");
            Assert.That(probe.GetProperty("irqs")[3].GetProperty("error").GetString(), Is.EqualTo("EINVAL"),
                "vfio-pci refuses IRQ info for the ERR index of a device without a PCIe capability");
            Assert.That(ranges, Is.Not.Empty, "VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE");
            Assert.That(ranges.Any(r => r.End == 0x7ffffffUL), Is.True, "a range ends just below the MSI window at 0x8000000");
            Assert.That(ranges.Any(r => r.Start == 0x8100000UL), Is.True, "a range starts just above the MSI window");
            Assert.That(ranges.Any(r => r.Start <= 0x8000000UL && r.End >= 0x80fffffUL), Is.False, "the MSI window is reserved");
        });
    }
}
