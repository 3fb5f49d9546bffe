using Lab.Orchestrator.Core.Boards;

namespace Lab.Orchestrator.Tests.Boards;

public sealed class DeviceBindingTests
{
    [Test]
    public void Parses_the_bind_script_output()
    {
        const string output = "BUS=amba\nDEVICE=9010000.pl031\nDRIVER=vfio-amba\nORIGINAL=rtc-pl031\nGROUP=1\nGROUP_DEV=/dev/vfio/noiommu-1\n";

        var binding = DeviceBinding.Parse("amba-id:0x00041031", output);

        Assert.That(binding, Is.EqualTo(new DeviceBinding("amba-id:0x00041031", "amba", "9010000.pl031", "vfio-amba", "rtc-pl031", "1", "/dev/vfio/noiommu-1")));
    }

    [Test]
    public void Missing_keys_are_empty()
    {
        var binding = DeviceBinding.Parse("pci:1234:11e8", "BUS=pci\nDEVICE=0000:00:01.0\nDRIVER=\n");

        Assert.That(binding.GroupDevice, Is.Empty);
    }
}
