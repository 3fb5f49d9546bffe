using Lab.TestCases.Devices.Pl330;
using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// <c>vfio.amba.pl330.masking</c>: with the event's IRQ index masked (SET_IRQS MASK) a copy completes (its event shows
/// in INTMIS) but nothing reaches the eventfd; UNMASK delivers it, since the level line is still up; INTCLR and UNMASK
/// then leave the line quiet, and the copy verifies. Where each event has its own index (Zynq: event n on index 1+n),
/// masking is per index: while event 0's index is masked, a copy on channel 1 completes through its own index.
/// </summary>
public sealed class Pl330MaskCase : IVfioCase
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    /// <inheritdoc/>
    public string Id => "vfio.amba.pl330.masking";

    /// <inheritdoc/>
    public string Description => "PL330 event IRQ masked: the completed copy's event is pending but not delivered until UNMASK; INTCLR + UNMASK leave the line quiet; with an index per event, another event's index still delivers";

    /// <inheritdoc/>
    public Requirements Requirements => Pl330VerifiedCopy.DmaRequirements;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        if (Pl330VerifiedCopy.TryOpen(context, out var opened) is { } reason) { return CaseOutcome.Skip(reason); }
        using var dma = opened!;
        using var src = DmaBuffer.Allocate(2 * 4096, context.Syscalls);
        using var dst = DmaBuffer.Allocate(2 * 4096, context.Syscalls);
        var pl330 = dma.Controller;
        const int Channel = 0;
        const int Length = 3000;
        var index = dma.EventIndex(Channel);
        Pl330VerifiedCopy.Prepare(src, 11, dst, 13, Length, 5);
        var program = Pl330Copy.Programs(Pl330Copy.Chunks(src.GetPhysicalAddresses(), 11, dst.GetPhysicalAddresses(), 13, Length, src.PageSize), Channel, (int)src.PageSize).Single();
        dma.Load(Channel, program.Code);
        pl330.EnableInterrupts(1u << Channel);
        dma.Mask(index, masked: true);
        pl330.Start(Channel, dma.ProgramAddress(Channel));
        if (dma.WaitIrq(index, Quiet)) { return CaseOutcome.Fail($"index {index} is masked, yet its eventfd fired ({pl330.DescribeChannel(Channel)})"); }
        var pending = pl330.PendingInterrupts;
        if ((pending & (1u << Channel)) == 0) { return CaseOutcome.Fail($"the copy's event is not pending while masked: INTMIS 0x{pending:x} ({pl330.DescribeChannel(Channel)})"); }
        if (dma.SharedLine)
        {
            context.Note($"one IRQ index for all events: masking index {index} masks them all");
        }
        else if (OtherIndexDelivers(dma, context, index) is { } unmaskedFailure)
        {
            return CaseOutcome.Fail(unmaskedFailure);
        }

        dma.Mask(index, masked: false);
        if (!dma.WaitIrq(index, TimeSpan.FromSeconds(2))) { return CaseOutcome.Fail($"UNMASK of index {index} with event {Channel} pending (INTMIS 0x{pl330.PendingInterrupts:x}) delivered nothing within 2 s"); }
        pl330.ClearInterrupts(1u << Channel);
        dma.Mask(index, masked: false);
        if (dma.WaitIrq(index, Quiet)) { return CaseOutcome.Fail($"index {index} fired again after INTCLR and UNMASK (INTMIS 0x{pl330.PendingInterrupts:x})"); }
        return Pl330VerifiedCopy.Verify(dst, 13, Length, 5, Pl330VerifiedCopy.Describe(11, 13, Length, Channel)) is { } bad
            ? CaseOutcome.Fail(bad)
            : CaseOutcome.Pass();
    }

    // A copy on channel 1 while the index of event 0 is masked: its own index delivers it, and the masked index stays quiet.
    private static string? OtherIndexDelivers(Pl330Dma dma, CaseContext context, uint masked)
    {
        const int Other = 1;
        using var src = DmaBuffer.Allocate(4096, context.Syscalls);
        using var dst = DmaBuffer.Allocate(4096, context.Syscalls);
        if (Pl330VerifiedCopy.Run(dma, src, 5, dst, 7, 1000, Other, 9) is { } failure)
        {
            return $"with index {masked} masked, the copy on channel {Other} (index {dma.EventIndex(Other)}) failed: {failure}";
        }

        context.Note($"index {masked} masked: channel {Other}'s copy completed through index {dma.EventIndex(Other)}");
        return dma.WaitIrq(masked, TimeSpan.Zero) ? $"masked index {masked} fired while channel {Other} completed" : null;
    }
}
