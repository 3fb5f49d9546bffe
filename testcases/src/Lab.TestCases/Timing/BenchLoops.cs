using System.Diagnostics;
using System.Globalization;
using Lab.TestCases.Devices.Edu;
using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Timing;

/// <summary>
/// <c>lab-agent bench METRIC</c>: one of the timed loops on an opened device, printed as lines
/// <c>METRIC STAT VALUE UNIT</c> (the C reference, agents/bench/vfio-bench.c, prints the same lines for the same loops,
/// so <c>lab bench</c> compares them line by line).
/// </summary>
public static class BenchLoops
{
    /// <summary>IOVA the map/unmap and DMA loops use (below edu's 28-bit DMA mask, away from the MSI window).</summary>
    public const ulong Iova = 0x1000000;

    /// <summary>The metrics, in the order <c>lab bench</c> runs them.</summary>
    public static IReadOnlyList<string> Metrics { get; } = ["syscall", "irq-loopback", "irq-unmask", "edu-msi", "map-unmap", "edu-dma"];

    /// <summary>Bytes of one edu DMA round trip (edu's buffer is 4 KiB, and QEMU 7.2 aborts on a transfer reaching its end).</summary>
    public const int EduDmaBytes = 4000;

    /// <summary>Runs <paramref name="metric"/>; null when it ran, or why it could not (unknown metric, device unfit, a failed iteration).</summary>
    public static string? Run(string metric, CaseContext context, int warmup, int iterations, TextWriter output)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        if (output is null) { throw new ArgumentNullException(nameof(output)); }
        var device = context.Device;
        if (device is null) { return "bench needs --device"; }
        return metric switch
        {
            "syscall" => Syscall(context, metric, warmup, iterations, output),
            "irq-loopback" => Irq(context, device, metric, warmup, iterations, output, unmask: false),
            "irq-unmask" => Irq(context, device, metric, warmup, iterations, output, unmask: true),
            "edu-msi" => EduMsi(context, device, metric, warmup, iterations, output),
            "map-unmap" => MapUnmap(context, metric, warmup, iterations, output),
            "edu-dma" => EduDma(context, device, metric, iterations, output),
            _ => "unknown metric '" + metric + "' (" + string.Join(", ", Metrics) + ")",
        };
    }

    /// <summary>
    /// The fixed cost of one syscall from each side: a read of an empty non-blocking eventfd (EAGAIN), through the
    /// same layers as every VFIO call (the syscall interface, the fd's reference count, the P/Invoke and its errno).
    /// </summary>
    private static string? Syscall(CaseContext context, string metric, int warmup, int iterations, TextWriter output)
    {
        using var efd = Eventfd.Create(context.Syscalls);
        var clock = new SampleClock(iterations);
        for (var i = 0; i < warmup + iterations; i++)
        {
            if (i == warmup) { clock.Clear(); }
            clock.Start();
            var errno = efd.TryRead(out _);
            clock.Stop();
            if (errno != Errno.EAGAIN) { return $"iteration {i}: read of an empty eventfd gave {Errno.Name(errno)}, expected EAGAIN"; }
        }

        Print(output, metric, clock.Summarize());
        return null;
    }

    private static string? Irq(CaseContext context, VfioDevice device, string metric, int warmup, int iterations, TextWriter output, bool unmask)
    {
        var n = device.GetInfo().NumIrqs;
        for (uint i = 0; i < n; i++)
        {
            if (device.TryGetIrqInfo(i, out var irq) != 0 || irq!.Count == 0 || !irq.SupportsEventfd || (unmask && !irq.Maskable)) { continue; }
            using var trigger = Eventfd.Create(context.Syscalls);
            device.SetIrqsEventfd(i, VfioIrqAction.Trigger, 0, [trigger]);
            try
            {
                var clock = new SampleClock(iterations);
                var failed = unmask
                    ? IrqLoops.UnmaskedDelivery(device, i, irq.Automasked, trigger, clock, warmup, iterations)
                    : IrqLoops.Loopback(device, i, irq.Automasked, trigger, clock, warmup, iterations);
                if (failed is null) { Print(output, metric, clock.Summarize()); }
                return failed;
            }
            finally
            {
                device.DisableIrqs(i);
            }
        }

        return unmask ? "the device has no maskable eventfd IRQ" : "the device has no eventfd IRQ";
    }

    private static string? EduMsi(CaseContext context, VfioDevice device, string metric, int warmup, int iterations, TextWriter output)
    {
        using var edu = EduDevice.Open(device, out var why);
        if (edu is null) { return why; }
        using var trigger = Eventfd.Create(context.Syscalls);
        edu.Ack(uint.MaxValue);
        device.SetIrqsEventfd(EduDevice.MsiIndex, VfioIrqAction.Trigger, 0, [trigger]);
        try
        {
            var clock = new SampleClock(iterations);
            var failed = EduLoops.RaiseToEventfd(edu, trigger, clock, warmup, iterations);
            if (failed is null) { Print(output, metric, clock.Summarize()); }
            return failed;
        }
        finally
        {
            device.DisableIrqs(EduDevice.MsiIndex);
        }
    }

    private static string? MapUnmap(CaseContext context, string metric, int warmup, int iterations, TextWriter output)
    {
        if (context.Iommu != IommuMode.Type1) { return "map-unmap needs a type1 container"; }
        var pairs = Math.Max(DmaLoops.Batch, iterations / DmaLoops.Batch * DmaLoops.Batch);
        using var buffer = DmaBuffer.Allocate(context.Syscalls.PageSize * DmaLoops.Batch, context.Syscalls);
        var maps = new SampleClock(pairs);
        var unmaps = new SampleClock(pairs);
        var failed = DmaLoops.MapUnmap(context.Container, buffer, Iova, Math.Max(DmaLoops.Batch, warmup / DmaLoops.Batch * DmaLoops.Batch), maps, unmaps);
        if (failed is not null) { return failed; }
        maps.Clear();
        unmaps.Clear();
        var clock = Stopwatch.StartNew();
        failed = DmaLoops.MapUnmap(context.Container, buffer, Iova, pairs, maps, unmaps);
        var seconds = clock.Elapsed.TotalSeconds;
        if (failed is not null) { return failed; }
        Line(output, metric, "ops", pairs * 2 / seconds, "ops/s");
        Print(output, metric + ".map", maps.Summarize());
        Print(output, metric + ".unmap", unmaps.Summarize());
        return null;
    }

    private static string? EduDma(CaseContext context, VfioDevice device, string metric, int iterations, TextWriter output)
    {
        if (context.Iommu != IommuMode.Type1) { return "edu-dma needs a type1 container"; }
        using var edu = EduDevice.Open(device, out var why);
        if (edu is null) { return why; }
        var page = context.Syscalls.PageSize;
        using var src = DmaBuffer.Allocate(page, context.Syscalls);
        using var dst = DmaBuffer.Allocate(page, context.Syscalls);
        src.MapIova(context.Container, Iova);
        dst.MapIova(context.Container, Iova + (ulong)page);
        var clock = new SampleClock(iterations);
        var failed = EduLoops.RoundTrip(edu, src, Iova, dst, Iova + (ulong)page, EduDmaBytes, clock, iterations);
        if (failed is null) { Print(output, metric, clock.Summarize()); }
        return failed;
    }

    private static void Print(TextWriter output, string metric, Distribution d)
    {
        Line(output, metric, "median", d.Median, "us");
        Line(output, metric, "p99", d.P99, "us");
        Line(output, metric, "max", d.Max, "us");
        Line(output, metric, "samples", d.Count, string.Empty);
    }

    private static void Line(TextWriter output, string metric, string stat, double value, string unit) =>
        output.Write(string.Format(CultureInfo.InvariantCulture, "{0} {1} {2:0.###} {3}\n", metric, stat, value, unit).Replace(" \n", "\n"));
}
