using Lab.TestCases.Devices.Pl330;
using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// <c>vfio.amba.pl330.fault</c>: a program with an undefined instruction makes the channel fault: the abort IRQ arrives
/// on the eventfd of IRQ index 0 (the shared line on Exynos, the abort line on Zynq) with no event pending, FSRC names
/// the channel and its FTR reads UNDEF_INSTR; DMAKILL ends the fault, the line quiets after UNMASK, and the next
/// copy on that channel verifies.
/// </summary>
public sealed class Pl330FaultCase : IVfioCase
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    /// <inheritdoc/>
    public string Id => "vfio.amba.pl330.fault";

    /// <inheritdoc/>
    public string Description => "PL330 undefined instruction: abort IRQ on index 0, FSRC/FTR = UNDEF_INSTR, DMAKILL recovers, the next copy verifies";

    /// <inheritdoc/>
    public Requirements Requirements => Pl330VerifiedCopy.DmaRequirements;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        if (Pl330VerifiedCopy.TryOpen(context, out var opened) is { } reason) { return CaseOutcome.Skip(reason); }
        using var dma = opened!;
        var pl330 = dma.Controller;
        var channel = pl330.Config.Channels - 1;
        dma.Load(channel, new Pl330Program().Nop().Raw(0xff).End().ToArray());
        pl330.Start(channel, dma.ProgramAddress(channel));
        if (!dma.WaitIrq(0, Pl330Dma.CompletionTimeout))
        {
            return CaseOutcome.Fail($"no abort IRQ on index 0 within {Pl330Dma.CompletionTimeout.TotalSeconds} s after an undefined instruction ({pl330.DescribeChannel(channel)})");
        }

        var faulting = pl330.FaultingChannels;
        var type = pl330.ChannelFaultType(channel);
        var pending = pl330.PendingInterrupts;
        context.Note($"abort: FSRC 0x{faulting:x}, FTR{channel} {Pl330Faults.Describe(type)}, INTMIS 0x{pending:x}, {pl330.DescribeChannel(channel)}");
        if ((faulting & (1u << channel)) == 0) { return CaseOutcome.Fail($"abort IRQ but FSRC 0x{faulting:x} does not name channel {channel}"); }
        if ((type & Pl330Faults.UndefInstr) == 0) { return CaseOutcome.Fail($"channel {channel} fault type {Pl330Faults.Describe(type)}, expected UNDEF_INSTR"); }
        if (pending != 0) { return CaseOutcome.Fail($"an abort, not an event, yet INTMIS reads 0x{pending:x}"); }

        pl330.Kill(channel);
        dma.Mask(0, masked: false);
        if ((pl330.FaultingChannels & (1u << channel)) != 0) { return CaseOutcome.Fail($"DMAKILL left channel {channel} faulting: {pl330.DescribeChannel(channel)}"); }
        if (dma.WaitIrq(0, Quiet)) { return CaseOutcome.Fail($"index 0 fired again after DMAKILL and UNMASK: the abort line stayed up ({pl330.DescribeChannel(channel)})"); }

        using var src = DmaBuffer.Allocate(3 * 4096, context.Syscalls);
        using var dst = DmaBuffer.Allocate(3 * 4096, context.Syscalls);
        if (Pl330VerifiedCopy.Run(dma, src, 5, dst, 4091, 5000, channel, 77) is { } failure)
        {
            return CaseOutcome.Fail("after DMAKILL: " + failure);
        }

        return CaseOutcome.Pass();
    }
}
