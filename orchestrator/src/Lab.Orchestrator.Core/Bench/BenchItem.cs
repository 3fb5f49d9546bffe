using System.Globalization;
using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Config;

namespace Lab.Orchestrator.Core.Bench;

/// <summary>
/// One loop <c>lab bench</c> runs each round twice, once as the reference (agents/bench/vfio-bench.c, or the
/// NativeAOT aot-hello for the start floor) and once as the agent, both under <c>vfio-bench spawn</c> (which adds
/// the process's first-line time, exit time and peak RSS), and the figures of its output that become rows.
/// </summary>
/// <param name="Name">The loop, e.g. <c>irq-loopback@pl031</c>.</param>
/// <param name="Reference">The reference's argv.</param>
/// <param name="Agent">The agent's argv.</param>
/// <param name="Stats">The rows it gives.</param>
public sealed record BenchItem(string Name, IReadOnlyList<string> Reference, IReadOnlyList<string> Agent, IReadOnlyList<BenchStat> Stats)
{
    /// <summary>Where <c>lab bench</c> puts the C reference on the board.</summary>
    public const string RemoteReference = "/run/vfiolab/vfio-bench";

    /// <summary>Where <c>lab bench</c> puts the NativeAOT one-line program on the board.</summary>
    public const string RemoteHello = "/run/vfiolab/aot-hello";

    /// <summary>The loops for a board's bound devices, <paramref name="iterations"/> timed iterations each; <paramref name="agent"/> is the agent on the board.</summary>
    public static IReadOnlyList<BenchItem> For(IReadOnlyList<(DeviceConfig Device, DeviceBinding Binding)> bound, int iterations, string agent)
    {
        ArgumentNullException.ThrowIfNull(bound);
        var items = new List<BenchItem>();
        var warmup = Math.Max(10, iterations / 20).ToString(CultureInfo.InvariantCulture);
        foreach (var (device, binding) in bound)
        {
            var target = Target(device, binding);
            BenchItem Loop(string metric, int n, params BenchStat[] stats)
            {
                string[] args = ["--metric", metric, .. target, "--iterations", n.ToString(CultureInfo.InvariantCulture), "--warmup", warmup];
                return new BenchItem($"{metric}@{device.Name}", Spawn([RemoteReference, .. args]), Spawn([agent, "bench", .. args]), stats);
            }

            BenchStat Median(string metric, string what) => new($"{metric}@{device.Name}", metric + " median", "us", false, what);
            var driver = device.Driver.ToString().ToLowerInvariant().Replace("vfio", string.Empty, StringComparison.Ordinal);
            var loopback = Median("irq-loopback", $"SET_IRQS(DATA_NONE|TRIGGER) to the eventfd readable ({driver} driver)");
            items.Add(items.Count == 0
                ? Loop("irq-loopback", iterations, loopback, new($"peak-rss@{device.Name}", "spawn maxrss", "kB", false, "peak resident set of the irq-loopback process (wait4)"))
                : Loop("irq-loopback", iterations, loopback));
            if (device.Features.Contains("level-irq"))
            {
                items.Add(Loop("irq-unmask", iterations, Median("irq-unmask", "a masked loopback dropped, then UNMASK + TRIGGER to the eventfd readable")));
            }

            if (device.Features.Contains("edu"))
            {
                items.Add(Loop("edu-msi", iterations, Median("edu-msi", "a real interrupt: edu raise (0x60) to the MSI eventfd readable")));
                items.Add(Loop("map-unmap", iterations, new BenchStat($"map-unmap@{device.Name}", "map-unmap ops", "ops/s", true, "MAP_DMA + UNMAP_DMA of 4 KiB pages, 16 mapped at a time")));
                items.Add(Loop("edu-dma", 3, Median("edu-dma", "edu DMA of 4000 bytes RAM -> device -> RAM, polled, compared")));
            }
        }

        if (bound.Count > 0)
        {
            var (device, binding) = bound[0];
            string[] syscall = ["--metric", "syscall", .. Target(device, binding), "--iterations", iterations.ToString(CultureInfo.InvariantCulture), "--warmup", warmup];
            items.Add(new BenchItem("syscall", Spawn([RemoteReference, .. syscall]), Spawn([agent, "bench", .. syscall]),
                [new("syscall", "syscall median", "us", false, "one syscall and back: read of an empty eventfd (EAGAIN), through the same layers as every VFIO call")]));
            List<string> agentStart = [agent, "run", .. Target(device, binding), "--cases", "vfio.common.api_version"];
            items.Add(new BenchItem($"start@{device.Name}", Spawn([RemoteReference, "ktap", .. Target(device, binding)]), Spawn(agentStart),
                [new($"start@{device.Name}", "spawn first_line", "us", false, "exec to the first KTAP line (both open kmsg, container, group and device first)")]));
            items.Add(new BenchItem("start-floor", Spawn([RemoteHello]), Spawn(agentStart),
                [new("start-floor", "spawn first_line", "us", false, "exec to the first line; reference: a NativeAOT program that only prints one line")]));
        }

        return items;
    }

    private static string[] Target(DeviceConfig device, DeviceBinding binding) =>
        ["--group", binding.GroupDevice, "--device", binding.Device, "--iommu", Pipeline.DeviceSelectors.IommuName(device.Iommu)];

    private static List<string> Spawn(IEnumerable<string> argv) => [RemoteReference, "spawn", "--", .. argv];
}
