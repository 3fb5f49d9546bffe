using System.Diagnostics;
using Lab.TestCases.Model;
using Lab.TestCases.Devices.Virtio;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// Device-to-memory DMA at physical addresses without an IOMMU: virtio-rng fills a 16 KiB buffer of four locked pages
/// (one descriptor per page, whether or not the frames happen to be adjacent), pre-filled with a sentinel. Per request: the used length is within
/// the buffer, the bytes it covers are not all still sentinel, and the bytes past it are untouched. Repeated until
/// 64 KiB arrived; bytes and MB/s measured.
/// </summary>
public sealed class VirtioRngDmaCase : IVfioCase
{
    private const int BufferSize = 16384;
    private const long Target = 65536;
    private const int MaxRequests = 64;
    private const byte Sentinel = 0xa5;
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan IrqGrace = TimeSpan.FromSeconds(1);

    /// <inheritdoc/>
    public string Id => "vfio.platform.dma.virtio_rng";

    /// <inheritdoc/>
    public string Description => "virtio-rng DMA into 4 locked pages at their physical addresses (no IOMMU): used length written over a sentinel, nothing past it; 64 KiB, MB/s measured";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.DeviceOf("platform", CaseFeature.Irq | CaseFeature.NoIommu | CaseFeature.Root) with { AnyDeviceFeature = new[] { "virtio-entropy" } };

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var reason = VirtioDriver.TryOpen(context, VirtioMmioTransport.EntropyDevice, _ => 0, out var driver);
        if (reason is not null) { return CaseOutcome.Skip(reason); }
        using (driver)
        using (var buffer = DmaBuffer.Allocate(BufferSize, context.Syscalls))
        {
            var pages = buffer.GetPhysicalAddresses();
            var chain = DmaSegments.Of(pages, buffer.PageSize, 0, BufferSize, deviceWrites: true);
            if (chain.Count > driver!.Ring.Layout.QueueSize)
            {
                return CaseOutcome.Error($"{chain.Count} segments for {BufferSize} bytes exceed queue size {driver.Ring.Layout.QueueSize}");
            }

            context.Note($"pages at {string.Join(", ", pages.Select(p => "0x" + p.ToString("x", System.Globalization.CultureInfo.InvariantCulture)))}: {chain.Count} descriptor(s); queue size {driver.Ring.Layout.QueueSize} (QueueNumMax {driver.QueueNumMax})");
            long total = 0;
            var requests = 0;
            var busy = TimeSpan.Zero;
            while (total < Target && requests < MaxRequests)
            {
                buffer.Span.Fill(Sentinel);
                var sw = Stopwatch.StartNew();
                driver.Submit(chain);
                var c = driver.WaitCompletion(CompletionTimeout, IrqGrace);
                busy += sw.Elapsed;
                requests++;
                var where = $"request {requests} ({chain.Count} descriptors, {BufferSize} bytes)";
                if (!c.Used) { return CaseOutcome.Fail($"{where}: no used element within {CompletionTimeout.TotalSeconds} s (used idx {driver.UsedIdx()}, InterruptStatus 0x{c.InterruptStatus:x})"); }
                if (!c.Irq) { return CaseOutcome.Fail($"{where}: completed (len {c.Length}) but its IRQ did not arrive within {IrqGrace.TotalSeconds} s"); }
                if (c.Length == 0 || c.Length > BufferSize) { return CaseOutcome.Fail($"{where}: used len {c.Length}, expected 1..{BufferSize}"); }
                var span = buffer.Span;
                var len = (int)c.Length;
                var past = ByteScan.FirstNot(span.Slice(len), Sentinel);
                if (past >= 0) { return CaseOutcome.Fail($"{where}: used len {len} but byte {len + past} changed to 0x{span[len + past]:x2} (sentinel 0x{Sentinel:x2}): the device wrote past what it reported"); }
                if (len >= 8 && ByteScan.FirstNot(span.Slice(0, len), Sentinel) < 0) { return CaseOutcome.Fail($"{where}: used len {len} but all {len} bytes still hold the sentinel 0x{Sentinel:x2}: no DMA reached physical pages {string.Join(",", pages.Select(p => p.ToString("x", System.Globalization.CultureInfo.InvariantCulture)))}"); }
                total += len;
            }

            if (total < Target) { return CaseOutcome.Fail($"{requests} requests delivered only {total} bytes, expected {Target}"); }
            context.Measure("virtio_rng.bytes", total, "bytes");
            context.Measure("virtio_rng.requests", requests);
            context.Measure("virtio_rng.mb_per_s", Math.Round(total / busy.TotalSeconds / 1e6, 4), "MB/s");
            return CaseOutcome.Pass();
        }
    }
}
