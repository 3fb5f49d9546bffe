using Lab.TestCases.Model;
using Lab.TestCases.Timing;
using Lab.TestCases.Devices.Virtio;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// A real edge interrupt from a virtio-mmio device through vfio-platform: one request (a 64-byte entropy read on
/// virtio-rng, a one-sector read on virtio-blk) completes, its IRQ arrives on the eventfd exactly once, InterruptStatus
/// has bit 0 (used buffer) and clears when acknowledged. Notify-to-eventfd latency measured.
/// </summary>
public sealed class VirtioCompletionCase : IVfioCase
{
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan IrqGrace = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private const int TimedRequests = 50;

    /// <inheritdoc/>
    public string Id => "vfio.platform.irq.virtio_completion";

    /// <inheritdoc/>
    public string Description => "virtio-mmio request completion: the edge IRQ arrives on the eventfd exactly once, InterruptStatus bit 0 set and cleared by InterruptACK; then 50 requests timed from notify to the eventfd";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.DeviceOf("platform", CaseFeature.Irq | CaseFeature.NoIommu | CaseFeature.Root) with { AnyDeviceFeature = new[] { "virtio-entropy", "virtio-block" } };

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var transport = new VirtioMmioTransport(context.Device!.OpenRegion(0));
        var reason = transport.Probe();
        if (reason is not null) { return CaseOutcome.Skip(reason); }
        var id = transport.Read(VirtioMmioRegisters.DeviceId);
        using var data = DmaBuffer.Allocate(VirtioDriver.GuestPageSize, context.Syscalls);
        var page = data.GetPhysicalAddresses()[0];
        if (id == VirtioMmioTransport.EntropyDevice)
        {
            reason = VirtioDriver.TryOpen(context, id, _ => 0, out var driver);
            if (reason is not null) { return CaseOutcome.Skip(reason); }
            using (driver)
            {
                VirtioCompletion Once()
                {
                    driver!.Submit([new VirtqSegment(page, 64, true)]);
                    return driver.WaitCompletion(CompletionTimeout, IrqGrace);
                }

                var outcome = Check(context, driver!, Once(), "virtio-rng read of 64 bytes");
                return outcome.Status == CaseStatus.Pass ? Timed(context, Once, "virtio-rng read of 64 bytes") ?? outcome : outcome;
            }
        }

        if (id == VirtioMmioTransport.BlockDevice)
        {
            reason = VirtioBlk.TryOpen(context, out var blk);
            if (reason is not null) { return CaseOutcome.Skip(reason); }
            using (blk)
            {
                const string request = "virtio-blk T_IN of sector 0";
                byte status = 0;
                VirtioCompletion Once() => blk!.Run(VirtioBlk.TypeIn, 0, [new VirtqSegment(page, VirtioBlk.SectorSize, true)], CompletionTimeout, IrqGrace, out status);
                var c = Once();
                if (c.Used && status != VirtioBlk.StatusOk) { return CaseOutcome.Fail($"{request}: status byte 0x{status:x2}, expected VIRTIO_BLK_S_OK (0)"); }
                var outcome = Check(context, blk!.Driver, c, request);
                return outcome.Status == CaseStatus.Pass ? Timed(context, Once, request) ?? outcome : outcome;
            }
        }

        return CaseOutcome.Skip($"virtio DeviceID (0x008) is {id}: this case knows requests for entropy (4) and block (2) devices only");
    }

    /// <summary>
    /// After the checked request, <see cref="TimedRequests"/> more, each timed from the notify to its IRQ on the eventfd:
    /// the delivery of a real DMA completion as a distribution (<c>virtio.completion_to_eventfd</c>).
    /// </summary>
    private static CaseOutcome? Timed(CaseContext context, Func<VirtioCompletion> once, string request)
    {
        var samples = new List<double>(TimedRequests);
        for (var i = 0; i < TimedRequests; i++)
        {
            var c = once();
            if (!c.Used || !c.Irq || c.EventfdCount != 1)
            {
                return CaseOutcome.Fail($"timed {request} {i + 1} of {TimedRequests}: used {c.Used}, IRQ {c.Irq}, eventfd count {c.EventfdCount} (InterruptStatus 0x{c.InterruptStatus:x})");
            }

            samples.Add(c.IrqAt!.Value.TotalMilliseconds * 1000);
        }

        new Distribution(samples).Report(context, "virtio.completion_to_eventfd");
        return null;
    }

    private static CaseOutcome Check(CaseContext context, VirtioDriver driver, VirtioCompletion c, string request)
    {
        var where = $"{request} (queue size {driver.Ring.Layout.QueueSize}, ring at 0x{driver.RingAddress:x})";
        if (!c.Used)
        {
            return CaseOutcome.Fail($"{where}: no used element within {CompletionTimeout.TotalSeconds} s (used idx {driver.UsedIdx()}, IRQ {(c.Irq ? "arrived" : "none")}, InterruptStatus 0x{c.InterruptStatus:x})");
        }

        context.Measure("virtio.used_latency", c.UsedAt!.Value.TotalMilliseconds, "ms");
        if (!c.Irq) { return CaseOutcome.Fail($"{where}: used element (id {c.Id}, len {c.Length}) but no IRQ on the eventfd within {IrqGrace.TotalSeconds} s after it (InterruptStatus 0x{c.InterruptStatus:x})"); }
        context.Measure("virtio.irq_latency", c.IrqAt!.Value.TotalMilliseconds, "ms");
        if (c.EventfdCount != 1) { return CaseOutcome.Fail($"{where}: eventfd count {c.EventfdCount} for one completion, expected 1"); }
        if ((c.InterruptStatus & VirtioStatus.InterruptUsedBuffer) == 0) { return CaseOutcome.Fail($"{where}: IRQ arrived but InterruptStatus (0x060) was 0x{c.InterruptStatus:x}, expected bit 0 (used buffer)"); }
        var after = driver.Transport.InterruptStatus();
        if (after != 0) { return CaseOutcome.Fail($"{where}: InterruptStatus (0x060) reads 0x{after:x} after InterruptACK (0x064) of 0x{c.InterruptStatus:x}"); }
        if (driver.ExtraIrq(Quiet, out var extra)) { return CaseOutcome.Fail($"{where}: a second IRQ (eventfd count {extra}) within {Quiet.TotalMilliseconds} ms after the ack, for one completion"); }
        context.Note($"{where}: used id {c.Id} len {c.Length}, InterruptStatus 0x{c.InterruptStatus:x}, eventfd count 1, nothing more in {Quiet.TotalMilliseconds} ms");
        return CaseOutcome.Pass();
    }
}
