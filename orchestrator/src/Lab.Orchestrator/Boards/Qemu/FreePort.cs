using System.Net;
using System.Net.Sockets;

namespace Lab.Orchestrator.Boards.Qemu;

/// <summary>Picks a free TCP port on the loopback interface.</summary>
internal static class FreePort
{
    /// <summary>A port the kernel just handed out on 127.0.0.1. Another process may take it before QEMU binds it, so callers retry on "Could not set up host forwarding rule".</summary>
    public static int OnLoopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
