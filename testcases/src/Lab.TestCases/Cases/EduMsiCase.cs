using System.Diagnostics;
using Lab.TestCases.Devices.Edu;
using Lab.TestCases.Model;
using Lab.TestCases.Timing;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// edu's MSI through vfio-pci (IRQ index 1, an eventfd trigger): each write to the raise register (0x60) arrives
/// exactly once, the status register (0x24) shows the bits, the acknowledge register (0x64) clears them; a raise
/// while the status is still set arrives again (MSI is an edge: nothing is held masked); a DMA with command bit 2
/// arrives as status 0x100.
/// </summary>
public sealed class EduMsiCase : IVfioCase
{
    private const int Rounds = 20;
    private const int TimedRounds = 200;
    private static readonly TimeSpan Signal = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);
    private const ulong SrcIova = 0x600000;

    /// <inheritdoc/>
    public string Id => "vfio.pci.irq.edu_msi";

    /// <inheritdoc/>
    public string Description => "edu MSI (index 1): 20 raises via 0x60 each arrive once with 0x24 = value, acked via 0x64; an un-acked raise arrives again; DMA completion (cmd bit 2) arrives as 0x100; raise-to-eventfd time over 200 rounds";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.DeviceOf("pci", CaseFeature.Type1 | CaseFeature.Irq | CaseFeature.MmapRegion) with { AnyDeviceFeature = EduDevice.Features };

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var device = context.Device!;
        using var edu = EduDevice.Open(device, out var why);
        if (edu is null) { return CaseOutcome.Skip(why); }
        var msi = device.GetIrqInfo(EduDevice.MsiIndex);
        context.Note($"MSI index {msi.Index}: flags 0x{msi.Flags:x} count {msi.Count}");
        if (msi.Count == 0) { return CaseOutcome.Skip("edu reports no MSI vector (VFIO_DEVICE_GET_IRQ_INFO index 1 count 0)"); }
        using var trigger = Eventfd.Create(context.Syscalls);
        edu.Ack(uint.MaxValue);
        device.SetIrqsEventfd(EduDevice.MsiIndex, VfioIrqAction.Trigger, 0, [trigger]);
        try
        {
            return Raises(context, edu, trigger) ?? Unacked(edu, trigger) ?? DmaCompletion(context, edu, trigger) ?? CaseOutcome.Pass();
        }
        finally
        {
            edu.Ack(uint.MaxValue);
            device.DisableIrqs(EduDevice.MsiIndex);
        }
    }

    private static CaseOutcome? Raises(CaseContext context, EduDevice edu, Eventfd trigger)
    {
        for (var i = 0; i < Rounds; i++)
        {
            var value = 1u << (i % 8);
            if (trigger.TryRead(out var stale) == 0) { return CaseOutcome.Fail($"round {i}: eventfd already held {stale} before raising (status 0x{edu.Status:x})"); }
            edu.Raise(value);
            if (!trigger.Wait(Signal)) { return CaseOutcome.Fail($"round {i}: edu raise 0x60 <- 0x{value:x}: MSI eventfd not signalled within {Signal.TotalMilliseconds} ms (status 0x{edu.Status:x})"); }
            var count = trigger.Read();
            var status = edu.Status;
            if (count != 1) { return CaseOutcome.Fail($"round {i}: one raise 0x60 <- 0x{value:x} gave eventfd count {count}, expected 1"); }
            if (status != value) { return CaseOutcome.Fail($"round {i}: after raise 0x60 <- 0x{value:x}, status 0x24 = 0x{status:x}, expected 0x{value:x}"); }
            edu.Ack(value);
            if (edu.Status != 0) { return CaseOutcome.Fail($"round {i}: ack 0x64 <- 0x{value:x} left status 0x24 = 0x{edu.Status:x}"); }
        }

        if (trigger.Wait(Quiet)) { return CaseOutcome.Fail($"after {Rounds} acked raises, the MSI eventfd fired again (count {trigger.Read()})"); }

        // The delivery time of a real interrupt, over many more rounds than the checked ones.
        var clock = new SampleClock(TimedRounds);
        var failed = EduLoops.RaiseToEventfd(edu, trigger, clock, warmup: 20, TimedRounds);
        if (failed is not null) { return CaseOutcome.Fail(failed); }
        clock.Summarize().Report(context, "edu.msi.raise_to_eventfd");
        return null;
    }

    private static CaseOutcome? Unacked(EduDevice edu, Eventfd trigger)
    {
        edu.Raise(0x1);
        if (!trigger.Wait(Signal)) { return CaseOutcome.Fail("raise 0x60 <- 0x1: MSI eventfd not signalled"); }
        trigger.Read();
        edu.Raise(0x2);
        if (!trigger.Wait(Signal)) { return CaseOutcome.Fail($"second raise 0x60 <- 0x2 without an ack (status 0x{edu.Status:x}): MSI eventfd not signalled; MSI should not hold it"); }
        trigger.Read();
        var status = edu.Status;
        edu.Ack(0x3);
        return status == 0x3 ? null : CaseOutcome.Fail($"after raises 0x1 and 0x2, status 0x24 = 0x{status:x}, expected 0x3");
    }

    private static CaseOutcome? DmaCompletion(CaseContext context, EduDevice edu, Eventfd trigger)
    {
        using var src = DmaBuffer.Allocate(4096, context.Syscalls);
        src.MapIova(context.Container, SrcIova);
        var clock = Stopwatch.StartNew();
        edu.StartDma(SrcIova, EduDevice.Buffer, 64, toRam: false, irq: true);
        if (!trigger.Wait(TimeSpan.FromSeconds(3)))
        {
            return CaseOutcome.Fail($"edu DMA cmd 0x5 (start|irq) src 0x{SrcIova:x} count 64: no MSI within 3 s (cmd 0x{edu.Command:x}, status 0x{edu.Status:x})");
        }

        context.Measure("edu.msi.dma_start_to_irq", clock.Elapsed.TotalMilliseconds, "ms");
        var count = trigger.Read();
        var status = edu.Status;
        var busy = edu.DmaBusy;
        edu.Ack(EduDevice.DmaIrq);
        if (count != 1 || status != EduDevice.DmaIrq || busy)
        {
            return CaseOutcome.Fail($"DMA completion IRQ: eventfd count {count} (want 1), status 0x24 = 0x{status:x} (want 0x100), cmd bit 0 {(busy ? "still set" : "clear")}");
        }

        return null;
    }
}
