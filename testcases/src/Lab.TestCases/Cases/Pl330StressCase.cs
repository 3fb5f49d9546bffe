using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// <c>vfio.amba.stress.pl330_copy</c>: for <see cref="CaseContext.StressDuration"/>, copies of random sizes (1 B to
/// 64 KiB), offsets and channels, each verified byte for byte; every program's completion IRQ must arrive (a missing
/// one is lost). The stress pass runs it on every PL330 of the board at once.
/// </summary>
public sealed class Pl330StressCase : IVfioCase
{
    private const int MaxLength = 65536;

    /// <inheritdoc/>
    public string Id => "vfio.amba.stress.pl330_copy";

    /// <inheritdoc/>
    public string Description => "PL330 random copies (1 B-64 KiB, random offsets and channels) for the stress duration, every byte verified, no completion IRQ lost";

    /// <inheritdoc/>
    public Requirements Requirements => Pl330VerifiedCopy.DmaRequirements;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        if (Pl330VerifiedCopy.TryOpen(context, out var opened) is { } reason) { return CaseOutcome.Skip(reason); }
        using var dma = opened!;
        using var src = DmaBuffer.Allocate(MaxLength + (2 * 4096), context.Syscalls);
        using var dst = DmaBuffer.Allocate(MaxLength + (2 * 4096), context.Syscalls);
        var channels = dma.Controller.Config.Channels;
        var random = new SplitMixRandom(0x9330);
        var counters = new StressCounters();
        string? firstProblem = null;
        while (!counters.Done(context.StressDuration))
        {
            // Mostly small copies (many IRQs), now and then a long one (many programs).
            var length = random.Below(8) == 0 ? 1 + random.Below(MaxLength) : 1 + random.Below(4096);
            var srcOffset = random.Below(8192);
            var dstOffset = random.Below(8192);
            var channel = random.Below(channels);
            var irqsBefore = dma.Irqs;
            var failure = Pl330VerifiedCopy.Run(dma, src, srcOffset, dst, dstOffset, length, channel, (uint)counters.Ops + 1);
            counters.Irqs += dma.Irqs - irqsBefore;
            if (failure is not null)
            {
                if (failure.Contains("no IRQ on index")) { counters.IrqsLost++; } else { counters.Errors++; }
                firstProblem ??= $"copy {counters.Ops + 1}: {failure}";
                break;
            }

            counters.Ops++;
            counters.BytesVerified += length;
        }

        counters.Record(context);
        if (counters.IrqsLost > 0 || counters.Errors > 0 || counters.Ops == 0)
        {
            return CaseOutcome.Fail($"PL330 copies over {counters.Elapsed.TotalSeconds:F1} s: {counters.Ops} verified ({counters.BytesVerified} bytes), {counters.Irqs} IRQs, {counters.IrqsLost} lost, {counters.Errors} errors; first: {firstProblem ?? "no copy completed"}");
        }

        return CaseOutcome.Pass();
    }
}
