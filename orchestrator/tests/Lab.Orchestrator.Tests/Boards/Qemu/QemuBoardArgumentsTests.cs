using Lab.Orchestrator.Boards.Qemu;

namespace Lab.Orchestrator.Tests.Boards.Qemu;

public sealed class QemuBoardArgumentsTests
{
    private static readonly QemuBoardOptions _options = new("/k/Image", "/k/initramfs", "SHA256:x", "/k/key", "/run/b");

    [Test]
    public void Ssh_is_forwarded_from_loopback_only_and_the_guest_network_is_restricted()
    {
        var args = QemuBoard.Arguments(_options, 40022);
        var netdev = args[args.ToList().IndexOf("-netdev") + 1];

        Assert.That(netdev, Is.EqualTo("user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:40022-:22"));
    }

    [Test]
    public void The_machine_has_gicv3_and_smmuv3_and_the_requested_devices()
    {
        var args = QemuBoard.Arguments(_options with { Devices = ["virtio-rng-device", "edu"] }, 1);

        Assert.That(args, Does.Contain("virt,iommu=smmuv3,gic-version=3"));
        Assert.That(string.Join(' ', args), Does.Contain("-device virtio-rng-device -device edu"));
        Assert.That(args, Does.Contain("file:/run/b/console.log"));
        Assert.That(args, Does.Contain("unix:/run/b/qmp.sock,server=on,wait=off"));
    }

    [Test]
    public void A_missing_qemu_binary_fails_naming_the_setup_script()
    {
        var options = _options with { QemuBinary = "/nonexistent/qemu-system-aarch64" };

        var e = Assert.ThrowsAsync<QemuBoardException>(() => QemuBoard.StartAsync(options, TimeProvider.System, CancellationToken.None));

        Assert.That(e!.Failure, Is.EqualTo(QemuFailure.MissingPrerequisite));
        Assert.That(e.Message, Does.Contain("scripts/setup-host.sh"));
    }
}
