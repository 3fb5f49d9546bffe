using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Config;

namespace Lab.Orchestrator.Tests.Run;

public sealed class DeviceSelectorsTests
{
    private static DeviceConfig Device(DeviceMatch match, VfioDriver driver, IommuMode iommu = IommuMode.NoIommu) =>
        new() { Name = "dut", Match = match, Driver = driver, Iommu = iommu };

    [Test]
    public void The_default_lab_devices_map_to_the_bring_up_selectors()
    {
        var lab = LabConfigLoader.Load(RepoFiles.Path("lab.json"));
        var requests = lab.Config!.Boards.Single(b => b.Id == "qemu-arm64").Devices.Select(DeviceSelectors.For).ToList();

        // The three devices every QEMU board has, and the virtio-blk transport of the board's disk.
        Assert.That(requests, Is.EqualTo(DeviceBindingRequest.QemuVirtDefaults.Append(new DeviceBindingRequest("virtio-id:2", "vfio-platform"))));
    }

    [TestCase(VfioDriver.VfioPci, "pci-slot:0000:00:01.0")]
    [TestCase(VfioDriver.VfioAmba, "amba:0000:00:01.0")]
    [TestCase(VfioDriver.VfioPlatform, "platform:0000:00:01.0")]
    public void A_sysfs_name_selects_on_the_driver_s_bus(VfioDriver driver, string selector) =>
        Assert.That(DeviceSelectors.For(Device(new DeviceMatch { SysfsName = "0000:00:01.0" }, driver)).Selector, Is.EqualTo(selector));

    [TestCase("arm,pl330", "compatible:arm,pl330")]
    [TestCase("arm,pl330#2", "compatible:arm,pl330#2")]
    public void A_compatible_match_becomes_a_compatible_selector(string compatible, string selector) =>
        Assert.That(DeviceSelectors.For(Device(new DeviceMatch { Compatible = compatible }, VfioDriver.VfioAmba)).Selector, Is.EqualTo(selector));

    [Test]
    public void The_agent_command_quotes_every_argument_and_joins_patterns_with_commas()
    {
        var device = Device(new DeviceMatch { Pci = "1234:11e8" }, VfioDriver.VfioPci, IommuMode.Type1);
        var binding = new DeviceBinding("pci:1234:11e8", "pci", "0000:00:01.0", "vfio-pci", string.Empty, "2", "/dev/vfio/2");

        var command = DeviceCaseRun.Command(device, binding, new CaseSelection(["vfio.common.*", "vfio.pci.*"]));

        Assert.That(command, Is.EqualTo(
            "'/run/vfiolab/lab-agent' 'run' '--device' '0000:00:01.0' '--group' '/dev/vfio/2' '--iommu' 'type1' '--cases' 'vfio.common.*,vfio.pci.*'"));
    }

    [Test]
    public void Without_patterns_the_agent_runs_its_whole_catalog()
    {
        var device = Device(new DeviceMatch { VirtioDeviceId = 4 }, VfioDriver.VfioPlatform);
        var binding = new DeviceBinding("virtio-id:4", "platform", "a003c00.virtio_mmio", "vfio-platform", "virtio-mmio", "0", "/dev/vfio/noiommu-0");

        Assert.That(DeviceCaseRun.Command(device, binding, new CaseSelection([])), Does.Not.Contain("--cases"));
    }

    [Test]
    public void The_stress_pass_selects_the_stress_area_with_its_duration()
    {
        var device = Device(new DeviceMatch { VirtioDeviceId = 4 }, VfioDriver.VfioPlatform);
        var binding = new DeviceBinding("virtio-id:4", "platform", "a003c00.virtio_mmio", "vfio-platform", "virtio-mmio", "0", "/dev/vfio/noiommu-0");
        var suite = new CaseSelection(["vfio.*"]);

        var stress = DeviceCaseRun.Command(device, binding, suite with { Area = CaseSelection.StressArea, StressSeconds = 12 });

        Assert.That(stress, Does.EndWith("'--cases' 'vfio.*' '--area' 'stress' '--stress-seconds' '12'"));
    }
}
