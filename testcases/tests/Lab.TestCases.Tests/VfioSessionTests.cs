using Lab.TestCases.Model;
using Lab.Vfio;
using Lab.Vfio.Interop;
using Lab.Vfio.Testing;

namespace Lab.TestCases.Tests;

public sealed class VfioSessionTests
{
    private const string Group = "/dev/vfio/noiommu-0";

    private static FakeVfioSyscalls Board()
    {
        var fake = new FakeVfioSyscalls();
        fake.Extensions.Add(VfioConstants.VFIO_NOIOMMU_IOMMU);
        fake.AddDevice(Group, "dev", new FakeDevice { Flags = VfioConstants.VFIO_DEVICE_FLAGS_PLATFORM });
        return fake;
    }

    [Test]
    public void A_group_still_busy_from_the_previous_agent_is_opened_once_the_kernel_lets_go_of_it()
    {
        var fake = Board();
        fake.FailNext("open " + Group, Errno.EBUSY);

        using var session = VfioSession.Open(fake, IommuMode.NoIommu, Group, "dev");

        Assert.Multiple(() =>
        {
            Assert.That(session.Device, Is.Not.Null);
            Assert.That(fake.Calls.Count(c => c == "open " + Group), Is.EqualTo(2), "tried again after EBUSY");
        });
    }

    [Test]
    public void Another_errno_is_not_waited_for()
    {
        var fake = Board();
        fake.FailNext("open " + Group, Errno.ENOENT);

        Assert.That(() => VfioSession.Open(fake, IommuMode.NoIommu, Group, "dev"), Throws.InstanceOf<VfioException>().With.Property(nameof(VfioException.Errno)).EqualTo(Errno.ENOENT));
        Assert.That(fake.Calls.Count(c => c == "open " + Group), Is.EqualTo(1));
    }
}
