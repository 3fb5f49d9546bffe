using System.Text;
using Lab.Orchestrator.Boards.Fvp;

namespace Lab.Orchestrator.Tests.Boards.Fvp;

public sealed class FvpTerminalTests
{
    [TestCase("terminal_0: Listening for serial connection on port 5000", "terminal_0", 5000)]
    [TestCase("terminal_3: Listening for serial connection on port 5003\r", "terminal_3", 5003)]
    public void The_model_banner_names_the_terminal_and_its_port(string line, string terminal, int port) =>
        Assert.That(FvpBanner.Parse(line), Is.EqualTo((terminal, port)));

    [TestCase("Info: FVP_Base_RevC-2xAEMvA: terminal_0: Listening for serial connection on port 5000")]
    [TestCase("terminal_0: Listening for serial connection on port 99999")]
    [TestCase("Simulation is started")]
    public void Other_lines_are_not_banners(string line) => Assert.That(FvpBanner.Parse(line), Is.Null);

    [Test]
    public void Placeholders_are_filled_and_an_unknown_one_is_named()
    {
        var values = new Dictionary<string, string> { ["kernel"] = "/img/Image", ["sshPort"] = "8022" };

        Assert.Multiple(() =>
        {
            Assert.That(FvpBanner.Expand("cluster0.cpu0={kernel}@0x80080000", values), Is.EqualTo("cluster0.cpu0=/img/Image@0x80080000"));
            Assert.That(FvpBanner.Expand("bp.virtio_net.hostbridge.userNetPorts={sshPort}=22", values), Is.EqualTo("bp.virtio_net.hostbridge.userNetPorts=8022=22"));
            Assert.That(() => FvpBanner.Expand("{initrd}", values), Throws.TypeOf<InvalidDataException>().With.Message.Contains("{initrd}"));
        });
    }

    [Test]
    public void Telnet_commands_are_taken_out_even_across_chunks()
    {
        var filter = new TelnetFilter();
        byte[] first = [255, 251, 1, (byte)'o', (byte)'k', 255];
        byte[] second = [253, 3, (byte)' ', 255, 255, 255, 250, 31, 0, 80, 255, 240, (byte)'!'];

        var text = Encoding.Latin1.GetString(filter.Filter(first).ToArray()) + Encoding.Latin1.GetString(filter.Filter(second).ToArray());

        Assert.That(text, Is.EqualTo("ok \xff!"), "IAC WILL/DO dropped, IAC IAC is a 0xff byte, a subnegotiation is dropped");
    }
}
