using System.Diagnostics;

namespace Lab.TestCases.Model;

/// <summary>
/// What a stress loop counted, recorded under the same measurement names by every stress case so runs and boards
/// compare: <c>stress.seconds</c>, <c>stress.ops</c>, <c>stress.ops_per_s</c>, <c>stress.bytes_verified</c>,
/// <c>stress.mb_per_s</c>, <c>stress.irqs</c>, <c>stress.irqs_lost</c>, <c>stress.irqs_per_s</c>,
/// <c>stress.errors</c>.
/// </summary>
public sealed class StressCounters
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Operations completed (a DMA transfer, a virtio request, a map+unmap pair, an interrupt round).</summary>
    public long Ops { get; set; }

    /// <summary>Bytes compared byte for byte after a transfer.</summary>
    public long BytesVerified { get; set; }

    /// <summary>Interrupts that arrived on an eventfd.</summary>
    public long Irqs { get; set; }

    /// <summary>Interrupts the device raised (by its own status) that never arrived.</summary>
    public long IrqsLost { get; set; }

    /// <summary>Operations that went wrong (wrong bytes, timeouts).</summary>
    public long Errors { get; set; }

    /// <summary>Time since the counters were created.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Whether <paramref name="duration"/> has passed since the counters were created.</summary>
    public bool Done(TimeSpan duration) => _clock.Elapsed >= duration;

    /// <summary>Records the counts and the rates in <paramref name="context"/>.</summary>
    public void Record(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-9);
        context.Measure("stress.seconds", Math.Round(seconds, 3), "s");
        context.Measure("stress.ops", Ops);
        context.Measure("stress.ops_per_s", Math.Round(Ops / seconds, 1), "ops/s");
        context.Measure("stress.bytes_verified", BytesVerified, "bytes");
        context.Measure("stress.mb_per_s", Math.Round(BytesVerified / seconds / 1e6, 4), "MB/s");
        context.Measure("stress.irqs", Irqs);
        context.Measure("stress.irqs_lost", IrqsLost);
        context.Measure("stress.irqs_per_s", Math.Round(Irqs / seconds, 1), "IRQs/s");
        context.Measure("stress.errors", Errors);
    }
}
