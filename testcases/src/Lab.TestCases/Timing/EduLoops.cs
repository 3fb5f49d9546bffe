using Lab.TestCases.Devices.Edu;
using Lab.Vfio;

namespace Lab.TestCases.Timing;

/// <summary>
/// Real device interrupts and DMA of QEMU's edu, timed over many iterations (shared by the catalog cases and
/// <c>lab-agent bench</c>; mirrored by agents/bench/vfio-bench.c).
/// </summary>
internal static class EduLoops
{
    private static readonly TimeSpan Signal = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A real interrupt: write 1 to the raise register (0x60), poll the MSI trigger eventfd, read it (count 1), ack
    /// (0x64). Times the raise to the eventfd readable.
    /// </summary>
    public static string? RaiseToEventfd(EduDevice edu, Eventfd trigger, SampleClock clock, int warmup, int iterations)
    {
        for (var i = 0; i < warmup + iterations; i++)
        {
            if (i == warmup) { clock.Clear(); }
            clock.Start();
            edu.Raise(1);
            if (!trigger.Wait(Signal)) { return $"iteration {i}: edu raise 0x60 <- 0x1: MSI eventfd not signalled within {Signal.TotalMilliseconds} ms (status 0x{edu.Status:x})"; }
            clock.Stop();
            var count = trigger.Read();
            edu.Ack(1);
            if (count != 1) { return $"iteration {i}: one raise gave eventfd count {count}, expected 1"; }
        }

        return null;
    }

    /// <summary>
    /// A DMA round trip of <paramref name="bytes"/> (below edu's 4 KiB buffer): RAM at <paramref name="srcIova"/> to the
    /// device, the device back to RAM at <paramref name="dstIova"/>, each polled to completion; the bytes compared.
    /// </summary>
    public static string? RoundTrip(EduDevice edu, DmaBuffer src, ulong srcIova, DmaBuffer dst, ulong dstIova, int bytes, SampleClock clock, int iterations)
    {
        for (var i = 0; i < iterations; i++)
        {
            var pattern = src.Span.Slice(0, bytes);
            for (var b = 0; b < bytes; b++) { pattern[b] = (byte)(b + i); }
            dst.Span.Slice(0, bytes).Clear();
            clock.Start();
            var failed = edu.Dma(srcIova, EduDevice.Buffer, bytes, toRam: false) ?? edu.Dma(EduDevice.Buffer, dstIova, bytes, toRam: true);
            clock.Stop();
            if (failed is not null) { return $"iteration {i}: {failed}"; }
            if (!dst.Span.Slice(0, bytes).SequenceEqual(pattern)) { return $"iteration {i}: {bytes} bytes came back different"; }
        }

        return null;
    }
}
