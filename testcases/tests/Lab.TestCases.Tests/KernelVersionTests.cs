using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Tests;

public sealed class KernelVersionTests
{
    [TestCase("6.1.0-57-arm64", "6.1.0")]
    [TestCase("6.12.117+deb12-arm64", "6.12.117")]
    [TestCase("7.2.13+deb14-arm64", "7.2.13")]
    [TestCase("6.19-rc3", "6.19")]
    [TestCase("6.1.192", "6.1.192")]
    public void A_release_gives_its_leading_version(string release, string version) =>
        Assert.That(KernelVersion.Parse(release), Is.EqualTo(Version.Parse(version)));

    [TestCase("")]
    [TestCase("linux")]
    [TestCase("6")]
    [TestCase(null)]
    public void A_release_without_a_version_gives_none(string? release) => Assert.That(KernelVersion.Parse(release), Is.Null);

    [Test]
    public void Set_container_on_a_file_that_is_no_container_answers_einval_on_6_1_and_ebadfd_from_6_2()
    {
        const string id = "vfio.common.group.set_container_not_container";

        Assert.That(ExpectedErrno.For(id, "platform", KernelVersion.Parse("6.1.0-57-arm64")), Is.EqualTo(Errno.EINVAL));
        Assert.That(ExpectedErrno.For(id, "amba", KernelVersion.Parse("6.12.117+deb12-arm64")), Is.EqualTo(Errno.EBADFD));
        Assert.That(Errno.Name(Errno.EBADFD), Is.EqualTo("EBADFD"));
    }
}
