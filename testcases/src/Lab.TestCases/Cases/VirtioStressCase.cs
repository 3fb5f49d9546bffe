using Lab.TestCases.Model;
using Lab.TestCases.Devices.Virtio;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// Requests in a loop for the stress duration, each completed by its own edge IRQ: virtio-rng 4 KiB reads (the used
/// length checked against a sentinel), or virtio-blk write + read back + compare of 16 KiB at disk offset 2 MiB (away
/// from <see cref="VirtioBlkDmaCase"/>'s area, which the host checks). A completion seen in the used ring whose IRQ
/// did not arrive within 1 s is a lost IRQ. Fails on any error or lost IRQ. On blk the area is zeroed again at the end,
/// so the host's backing-file check still finds zeros outside the pattern area.
/// </summary>
public sealed class VirtioStressCase : IVfioCase
{
    private const int RngBytes = 4096;
    private const int BlkBytes = 16384;
    private const long BlkAreaOffset = 2 << 20;
    private const byte Sentinel = 0xa5;
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan IrqGrace = TimeSpan.FromSeconds(1);

    /// <inheritdoc/>
    public string Id => "vfio.platform.stress.virtio_dma_irq";

    /// <inheritdoc/>
    public string Description => "virtio-mmio requests for the stress duration (rng 4 KiB reads, or blk 16 KiB write+read+compare), each completed by its IRQ: no errors, no lost IRQs; rates measured";

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
        var tally = new Tally();
        string kind;
        if (id == VirtioMmioTransport.EntropyDevice)
        {
            kind = "virtio-rng 4 KiB reads";
            reason = RunRng(context, tally);
        }
        else if (id == VirtioMmioTransport.BlockDevice)
        {
            kind = "virtio-blk 16 KiB write+read+compare";
            reason = RunBlk(context, tally);
        }
        else
        {
            return CaseOutcome.Skip($"virtio DeviceID (0x008) is {id}: this case knows requests for entropy (4) and block (2) devices only");
        }

        if (reason is not null) { return CaseOutcome.Skip(reason); }
        tally.Counters.Record(context);
        if (tally.FirstError is not null) { context.Note("first error: " + tally.FirstError); }
        var n = tally.Counters;
        if (n.Errors > 0 || n.IrqsLost > 0)
        {
            return CaseOutcome.Fail($"{kind} for {n.Elapsed.TotalSeconds:F1} s: {n.Ops} ops, {n.Irqs} IRQs, {n.IrqsLost} lost (completion in the used ring, no IRQ within {IrqGrace.TotalSeconds} s), {n.Errors} errors; first error: {tally.FirstError ?? "none"}");
        }

        context.Note($"{kind}: {n.Ops} ops, {n.Irqs} IRQs, {n.BytesVerified} bytes verified");
        return CaseOutcome.Pass();
    }

    private static string? RunRng(CaseContext context, Tally tally)
    {
        var reason = VirtioDriver.TryOpen(context, VirtioMmioTransport.EntropyDevice, _ => 0, out var driver);
        if (reason is not null) { return reason; }
        using (driver)
        using (var buffer = DmaBuffer.Allocate(RngBytes, context.Syscalls))
        {
            VirtqSegment[] chain = [new(buffer.GetPhysicalAddresses()[0], RngBytes, true)];
            while (!tally.Counters.Done(context.StressDuration))
            {
                buffer.Span.Fill(Sentinel);
                driver!.Submit(chain);
                var c = driver.WaitCompletion(CompletionTimeout, IrqGrace);
                if (!Count(tally, c, $"rng request {tally.Counters.Ops + 1}")) { break; }
                var len = (int)c.Length;
                if (len == 0 || len > RngBytes) { Error(tally, $"rng request {tally.Counters.Ops}: used len {len}, expected 1..{RngBytes}"); continue; }
                var past = ByteScan.FirstNot(buffer.Span.Slice(len), Sentinel);
                if (past >= 0) { Error(tally, $"rng request {tally.Counters.Ops}: used len {len} but byte {len + past} changed (0x{buffer.Span[len + past]:x2})"); continue; }
                tally.Counters.BytesVerified += len;
            }
        }

        return null;
    }

    private static string? RunBlk(CaseContext context, Tally tally)
    {
        var reason = VirtioBlk.TryOpen(context, out var blk);
        if (reason is not null) { return reason; }
        using (blk)
        using (var buffer = DmaBuffer.Allocate(BlkBytes, context.Syscalls))
        {
            if (blk!.ReadOnly) { return "virtio-blk offers VIRTIO_BLK_F_RO (feature bit 5): the disk is read-only"; }
            const long needed = (BlkAreaOffset + BlkBytes) / VirtioBlk.SectorSize;
            if (blk.CapacitySectors < needed) { return $"virtio-blk capacity {blk.CapacitySectors} sectors; the stress area needs {needed}"; }
            var pages = buffer.GetPhysicalAddresses();
            var writeChain = DmaSegments.Of(pages, buffer.PageSize, 0, BlkBytes, deviceWrites: false);
            var readChain = DmaSegments.Of(pages, buffer.PageSize, 0, BlkBytes, deviceWrites: true);
            const ulong sector = BlkAreaOffset / VirtioBlk.SectorSize;
            var seed = VirtioBlkDmaCase.ClockSeed();
            while (!tally.Counters.Done(context.StressDuration))
            {
                var opSeed = unchecked(seed + (uint)tally.Counters.Ops);
                SeededPattern.Fill(buffer.Span, opSeed, 0);
                var w = blk.Run(VirtioBlk.TypeOut, sector, writeChain, CompletionTimeout, IrqGrace, out var status);
                if (!Count(tally, w, $"blk T_OUT {tally.Counters.Ops + 1}")) { break; }
                if (status != VirtioBlk.StatusOk) { Error(tally, $"blk T_OUT {tally.Counters.Ops} sector {sector}: status 0x{status:x2}"); continue; }
                buffer.Span.Clear();
                var r = blk.Run(VirtioBlk.TypeIn, sector, readChain, CompletionTimeout, IrqGrace, out status);
                if (!Count(tally, r, $"blk T_IN {tally.Counters.Ops + 1}")) { break; }
                if (status != VirtioBlk.StatusOk) { Error(tally, $"blk T_IN {tally.Counters.Ops} sector {sector}: status 0x{status:x2}"); continue; }
                var bad = SeededPattern.FirstMismatch(buffer.Span, opSeed, 0);
                if (bad >= 0) { Error(tally, $"blk op {tally.Counters.Ops} seed {opSeed}: byte {bad} read back 0x{buffer.Span[bad]:x2}, wrote 0x{SeededPattern.At(opSeed, bad):x2}"); continue; }
                tally.Counters.BytesVerified += BlkBytes;
            }

            Restore(blk, buffer, writeChain, readChain, sector, tally);
        }

        return null;
    }

    /// <summary>
    /// Writes zeros back over the stress area (flushed, read back and checked): the orchestrator's backing-file check
    /// expects every byte outside <see cref="VirtioBlkDmaCase"/>'s area to be zero, as the file was at boot.
    /// </summary>
    private static void Restore(VirtioBlk blk, DmaBuffer buffer, IReadOnlyList<VirtqSegment> writeChain, IReadOnlyList<VirtqSegment> readChain, ulong sector, Tally tally)
    {
        buffer.Span.Clear();
        var w = blk.Run(VirtioBlk.TypeOut, sector, writeChain, CompletionTimeout, IrqGrace, out var status);
        if (!w.Used || status != VirtioBlk.StatusOk) { Error(tally, $"restoring zeros at sector {sector}: T_OUT {(w.Used ? $"status 0x{status:x2}" : "never completed")}"); return; }
        if (blk.CanFlush)
        {
            var f = blk.Run(VirtioBlk.TypeFlush, 0, [], CompletionTimeout, IrqGrace, out status);
            if (!f.Used || status != VirtioBlk.StatusOk) { Error(tally, $"restoring zeros: T_FLUSH {(f.Used ? $"status 0x{status:x2}" : "never completed")}"); return; }
        }

        buffer.Span.Fill(0xff);
        var r = blk.Run(VirtioBlk.TypeIn, sector, readChain, CompletionTimeout, IrqGrace, out status);
        if (!r.Used || status != VirtioBlk.StatusOk) { Error(tally, $"restoring zeros: read back T_IN {(r.Used ? $"status 0x{status:x2}" : "never completed")}"); return; }
        var bad = ByteScan.FirstNot(buffer.Span, 0);
        if (bad >= 0) { Error(tally, $"restoring zeros at sector {sector}: byte {bad} reads back 0x{buffer.Span[bad]:x2}"); }
    }

    /// <summary>Counts one request's op and IRQ; false (and an error) when it never completed: the loop stops.</summary>
    private static bool Count(Tally tally, VirtioCompletion c, string what)
    {
        if (!c.Used)
        {
            Error(tally, $"{what}: no completion within {CompletionTimeout.TotalSeconds} s (InterruptStatus 0x{c.InterruptStatus:x})");
            return false;
        }

        tally.Counters.Ops++;
        if (c.Irq) { tally.Counters.Irqs += (long)c.EventfdCount; }
        if (c.IrqLost) { tally.Counters.IrqsLost++; }
        return true;
    }

    private static void Error(Tally tally, string text)
    {
        tally.Counters.Errors++;
        tally.FirstError ??= text;
    }

    /// <summary>The counters of one run and its first error's text.</summary>
    private sealed class Tally
    {
        public StressCounters Counters { get; } = new();

        public string? FirstError { get; set; }
    }
}
