using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lab.FvpStandIn;

/// <summary>
/// Behaves like <c>FVP_Base_RevC-2xAEMvA</c> as far as the lab sees it: <c>-C bp.virtio_net.hostbridge.userNetPorts=H=22</c>
/// forwards a host port to the board's SSH, <c>--data cluster0.cpu0=FILE@0x80080000</c> is the kernel and
/// <c>@0x84000000</c> the initrd, four terminals are announced on stdout and served over telnet: terminal_0 is the
/// board's UART (QEMU's telnet server, which holds the board until the console attaches, as a model started with
/// its terminals but without xterms), terminal_1-3 are served here and each sends one line to whoever attaches.
/// Exits with QEMU's exit code.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        string? kernel = null, initrd = null, sshPorts = null;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "-C" && args[i + 1].StartsWith("bp.virtio_net.hostbridge.userNetPorts=", StringComparison.Ordinal))
            {
                sshPorts = args[i + 1].Split('=', 2)[1];
            }
            else if (args[i] == "--data" && args[i + 1].Split('=', 2) is [_, var load] && load.Split('@') is [var file, var address])
            {
                if (address.Equals("0x80080000", StringComparison.OrdinalIgnoreCase)) { kernel = file; }
                if (address.Equals("0x84000000", StringComparison.OrdinalIgnoreCase)) { initrd = file; }
            }
        }

        if (kernel is null || initrd is null || sshPorts?.Split('=') is not [var hostPort, "22"])
        {
            await Console.Error.WriteLineAsync("fvp-stand-in: needs --data cluster0.cpu0=KERNEL@0x80080000, --data cluster0.cpu0=INITRD@0x84000000 and -C bp.virtio_net.hostbridge.userNetPorts=PORT=22");
            return 2;
        }

        var extra = new List<TcpListener>();
        for (var t = 1; t <= 3; t++)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            extra.Add(listener);
        }

        var consolePort = FreePort();
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("FVP_STANDIN_QEMU") ?? "qemu-system-aarch64")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            "-M", "virt,iommu=smmuv3,gic-version=3", "-cpu", "cortex-a57", "-smp", "2", "-m", "1024", "-display", "none", "-nodefaults",
            "-kernel", kernel, "-initrd", initrd, "-append", "console=ttyAMA0 rdinit=/init",
            "-netdev", $"user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:{hostPort}-:22", "-device", "virtio-net-device,netdev=n0",
            "-device", "virtio-rng-device", "-device", "edu",
            "-serial", $"telnet:127.0.0.1:{consolePort.ToString(CultureInfo.InvariantCulture)},server=on,wait=on", "-monitor", "none",
        })
        {
            psi.ArgumentList.Add(a);
        }

        using var qemu = Process.Start(psi)!;
        var announced = 0;
        qemu.OutputDataReceived += (_, e) => { if (e.Data is { } l) { Console.WriteLine("qemu: " + l); } };
        qemu.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            Console.WriteLine("qemu: " + line);
            // QEMU listens on terminal_0 and waits for its client: only now is the port worth announcing.
            if (line.Contains("waiting for connection", StringComparison.Ordinal) && Interlocked.Exchange(ref announced, 1) == 0)
            {
                Console.WriteLine($"terminal_0: Listening for serial connection on port {consolePort}");
                for (var t = 0; t < extra.Count; t++)
                {
                    Console.WriteLine($"terminal_{t + 1}: Listening for serial connection on port {((IPEndPoint)extra[t].LocalEndpoint).Port}");
                }
            }
        };
        qemu.BeginOutputReadLine();
        qemu.BeginErrorReadLine();
        for (var t = 0; t < extra.Count; t++)
        {
            _ = ServeAsync(extra[t], "terminal_" + (t + 1).ToString(CultureInfo.InvariantCulture));
        }

        await qemu.WaitForExitAsync();
        Console.WriteLine($"fvp-stand-in: QEMU exited with code {qemu.ExitCode}");
        return qemu.ExitCode;
    }

    /// <summary>Telnet on a model terminal: option negotiation first (as models send), then one line of text.</summary>
    private static async Task ServeAsync(TcpListener listener, string name)
    {
        while (true)
        {
            var client = await listener.AcceptTcpClientAsync();
            Console.WriteLine($"{name}: client attached");
            var stream = client.GetStream();
            byte[] willEcho = [255, 251, 1, 255, 251, 3, 255, 253, 0];
            await stream.WriteAsync(willEcho);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"FVP stand-in {name}: no UART output here\r\n"));
            await stream.FlushAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
