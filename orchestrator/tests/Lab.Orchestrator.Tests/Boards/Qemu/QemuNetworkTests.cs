using System.Net;
using System.Net.Sockets;
using Lab.Orchestrator.Boards.Qemu;
using Lab.Orchestrator.Tests.Support;

namespace Lab.Orchestrator.Tests.Boards.Qemu;

/// <summary>The board's network is loopback-only: SSH comes in through hostfwd, nothing goes out.</summary>
[Category("Qemu")]
[NonParallelizable]
public sealed class QemuNetworkTests
{
    [Test]
    public async Task The_guest_cannot_open_connections_to_the_host()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var board = await SharedQemuBoard.GetAsync(cts.Token);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accept = listener.AcceptTcpClientAsync(cts.Token).AsTask();

        // 10.0.2.2 is the host's loopback as slirp shows it; restrict=on must drop guest-initiated traffic.
        var probe = await board.Ssh.RunAsync($"wget -q -T 3 -O /dev/null http://10.0.2.2:{port}/", TimeSpan.FromSeconds(30), cts.Token);
        var connected = await Task.WhenAny(accept, Task.Delay(TimeSpan.FromSeconds(1), cts.Token)) == accept;

        Assert.That(probe.ExitStatus, Is.Not.Zero, "wget from the guest to the host succeeded");
        Assert.That(connected, Is.False, "the guest reached a host port");
    }

    [Test]
    public async Task Ssh_is_forwarded_on_the_loopback_address_only()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var board = await SharedQemuBoard.GetAsync(cts.Token);
        var listeners = System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners();

        var forwarded = listeners.Where(l => l.Port == board.SshPort).Select(l => l.Address).ToList();

        Assert.That(forwarded, Is.Not.Empty);
        Assert.That(forwarded, Is.All.EqualTo(IPAddress.Loopback));
        Assert.That(board.ConsoleTail(), Does.Contain(QemuBoardOptions.ReadyMarker));
    }
}
