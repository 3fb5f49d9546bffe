using System.Globalization;
using Lab.TestCases.Devices.Edu;
using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// For <see cref="CaseContext.StressDuration"/>: edu round trips of random size (1..4095) at random offsets (seeded,
/// the seed in a note), each transfer started with command bit 2 and completed by its MSI (status 0x100), verified
/// byte for byte. A completion (command bit 0 clear, status 0x100) whose eventfd stays silent for 1 s is a lost IRQ.
/// </summary>
public sealed class EduStressCase : IVfioCase
{
    private const ulong SrcIova = 0x1800000;
    private const ulong DstIova = 0x1A00000;
    private static readonly TimeSpan Running = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    /// <inheritdoc/>
    public string Id => "vfio.pci.stress.edu_dma_irq";

    /// <inheritdoc/>
    public string Description => "stress: seeded random edu DMA round trips (1..4095 bytes, random offsets), each transfer completed by its MSI (0x100), verified byte for byte; no lost IRQs, no errors";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.DeviceOf("pci", CaseFeature.Type1 | CaseFeature.Irq | CaseFeature.MmapRegion) with { AnyDeviceFeature = EduDevice.Features };

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var device = context.Device!;
        using var edu = EduDevice.Open(device, out var why);
        if (edu is null) { return CaseOutcome.Skip(why); }
        if (device.GetIrqInfo(EduDevice.MsiIndex).Count == 0) { return CaseOutcome.Skip("edu reports no MSI vector (index 1 count 0)"); }
        using var src = DmaBuffer.Allocate(EduTransferPlan.RamLength, context.Syscalls);
        using var dst = DmaBuffer.Allocate(EduTransferPlan.RamLength, context.Syscalls);
        src.MapIova(context.Container, SrcIova);
        dst.MapIova(context.Container, DstIova);
        using var trigger = Eventfd.Create(context.Syscalls);
        edu.Ack(uint.MaxValue);
        device.SetIrqsEventfd(EduDevice.MsiIndex, VfioIrqAction.Trigger, 0, [trigger]);
        var seed = (ulong)DateTime.UtcNow.Ticks;
        context.Note("seed " + seed.ToString(CultureInfo.InvariantCulture));
        var random = new SplitMixRandom(seed);
        var counters = new StressCounters();
        string? first = null;
        try
        {
            for (var n = 0; !counters.Done(context.StressDuration); n++)
            {
                var t = EduTransferPlan.Next(random);
                SeededPattern.Fill(src.Span, (uint)seed, n);
                dst.Span.Clear();
                var problem = Transfer(edu, trigger, counters, SrcIova + (ulong)t.Source, EduDevice.Buffer + (ulong)t.Device, t.Count, toRam: false)
                    ?? Transfer(edu, trigger, counters, EduDevice.Buffer + (ulong)t.Device, DstIova + (ulong)t.Destination, t.Count, toRam: true);
                if (problem is null && !dst.Span.Slice(t.Destination, t.Count).SequenceEqual(src.Span.Slice(t.Source, t.Count)))
                {
                    problem = "destination bytes differ from the source";
                }

                if (problem is not null)
                {
                    counters.Errors++;
                    first ??= $"op {n} ({t}): {problem}";
                    continue;
                }

                counters.Ops++;
                counters.BytesVerified += t.Count;
            }
        }
        finally
        {
            edu.Ack(uint.MaxValue);
            device.DisableIrqs(EduDevice.MsiIndex);
            counters.Record(context);
        }

        if (first is not null) { context.Note("first problem: " + first); }
        return counters.Errors == 0 && counters.IrqsLost == 0
            ? CaseOutcome.Pass()
            : CaseOutcome.Fail($"{counters.Ops} round trips, {counters.Errors} errors, {counters.IrqsLost} lost IRQs of {counters.Irqs + counters.IrqsLost} completions; first: {first}");
    }

    /// <summary>One transfer completed by its MSI; null, or what went wrong (a lost IRQ is counted, not an error).</summary>
    private static string? Transfer(EduDevice edu, Eventfd trigger, StressCounters counters, ulong from, ulong to, int count, bool toRam)
    {
        edu.StartDma(from, to, count, toRam, irq: true);
        if (!trigger.Wait(Running))
        {
            // No MSI yet: did the transfer finish (then wait the grace second) or is it still running?
            if (!edu.WaitDma(Running)) { return $"DMA src 0x{from:x} dst 0x{to:x} count {count} still running after {2 * Running.TotalSeconds} s (cmd 0x{edu.Command:x})"; }
            if (!trigger.Wait(Grace))
            {
                var status = edu.Status;
                edu.Ack(EduDevice.DmaIrq);
                if ((status & EduDevice.DmaIrq) != 0)
                {
                    counters.IrqsLost++;
                    return null;
                }

                return $"DMA src 0x{from:x} dst 0x{to:x} count {count} done (cmd 0x{edu.Command:x}) without status 0x100 (status 0x{status:x}) or an MSI";
            }
        }

        var n = trigger.Read();
        counters.Irqs += (long)n;
        var after = edu.Status;
        var busy = edu.DmaBusy;
        edu.Ack(EduDevice.DmaIrq);
        if (n != 1) { return $"one completion gave eventfd count {n}"; }
        if (busy || (after & EduDevice.DmaIrq) == 0) { return $"MSI arrived but cmd bit 0 is {(busy ? "set" : "clear")} and status 0x{after:x}"; }
        return null;
    }
}
