using Lab.Vfio;

namespace Lab.TestCases.Timing;

/// <summary>
/// The IRQ paths timed over many iterations, shared by the catalog cases and <c>lab-agent bench</c> (and mirrored
/// step for step by the C reference, agents/bench/vfio-bench.c): every iteration makes the same syscalls as C and
/// allocates nothing. Each returns null, or what went wrong in which iteration.
/// </summary>
public static class IrqLoops
{
    private static readonly TimeSpan Signal = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Loopback: <c>SET_IRQS(DATA_NONE|TRIGGER)</c>, poll the trigger eventfd, read it (count 1), and for an
    /// automasked line <c>SET_IRQS(DATA_NONE|UNMASK)</c> after the sample. Times SET_IRQS to the eventfd readable.
    /// </summary>
    public static string? Loopback(VfioDevice device, uint index, bool automasked, Eventfd trigger, SampleClock clock, int warmup, int iterations)
    {
        if (device is null) { throw new ArgumentNullException(nameof(device)); }
        if (trigger is null) { throw new ArgumentNullException(nameof(trigger)); }
        if (clock is null) { throw new ArgumentNullException(nameof(clock)); }
        for (var i = 0; i < warmup + iterations; i++)
        {
            if (i == warmup) { clock.Clear(); }
            clock.Start();
            var errno = device.TrySetIrqsNone(index, VfioIrqAction.Trigger, 0, 1);
            if (errno != 0) { return $"iteration {i}: VFIO_DEVICE_SET_IRQS(index={index}, DATA_NONE|TRIGGER): {Errno.Name(errno)}"; }
            if (!trigger.Wait(Signal)) { return $"iteration {i}: SET_IRQS(index={index}, DATA_NONE|TRIGGER): trigger eventfd not signalled within {Signal.TotalMilliseconds} ms"; }
            clock.Stop();
            var count = trigger.Read();
            if (count != 1) { return $"iteration {i}: one loopback trigger gave eventfd count {count}, expected 1"; }
            if (automasked && (errno = device.TrySetIrqsNone(index, VfioIrqAction.Unmask, 0, 1)) != 0)
            {
                return $"iteration {i}: VFIO_DEVICE_SET_IRQS(index={index}, DATA_NONE|UNMASK): {Errno.Name(errno)}";
            }
        }

        return null;
    }

    /// <summary>
    /// Masked, then unmasked delivery of a maskable line: <c>MASK</c>, a loopback <c>TRIGGER</c> that must not reach
    /// the eventfd (read gives EAGAIN), <c>UNMASK</c>, a loopback <c>TRIGGER</c> that must. Times UNMASK to the eventfd
    /// readable (both ioctls); an automasked line is unmasked again after each sample.
    /// </summary>
    public static string? UnmaskedDelivery(VfioDevice device, uint index, bool automasked, Eventfd trigger, SampleClock clock, int warmup, int iterations)
    {
        if (device is null) { throw new ArgumentNullException(nameof(device)); }
        if (trigger is null) { throw new ArgumentNullException(nameof(trigger)); }
        if (clock is null) { throw new ArgumentNullException(nameof(clock)); }
        for (var i = 0; i < warmup + iterations; i++)
        {
            if (i == warmup) { clock.Clear(); }
            var errno = device.TrySetIrqsNone(index, VfioIrqAction.Mask, 0, 1);
            if (errno == 0) { errno = device.TrySetIrqsNone(index, VfioIrqAction.Trigger, 0, 1); }
            if (errno != 0) { return $"iteration {i}: VFIO_DEVICE_SET_IRQS(index={index}, DATA_NONE|MASK, then TRIGGER): {Errno.Name(errno)}"; }
            if (trigger.TryRead(out var early) == 0) { return $"iteration {i}: a loopback trigger of the masked IRQ index {index} was delivered (eventfd count {early})"; }
            clock.Start();
            errno = device.TrySetIrqsNone(index, VfioIrqAction.Unmask, 0, 1);
            if (errno == 0) { errno = device.TrySetIrqsNone(index, VfioIrqAction.Trigger, 0, 1); }
            if (errno != 0) { return $"iteration {i}: VFIO_DEVICE_SET_IRQS(index={index}, DATA_NONE|UNMASK, then TRIGGER): {Errno.Name(errno)}"; }
            if (!trigger.Wait(Signal)) { return $"iteration {i}: after UNMASK of IRQ index {index}, a loopback trigger was not delivered within {Signal.TotalMilliseconds} ms"; }
            clock.Stop();
            var count = trigger.Read();
            if (count != 1) { return $"iteration {i}: one loopback trigger after UNMASK gave eventfd count {count}, expected 1"; }
            if (automasked && (errno = device.TrySetIrqsNone(index, VfioIrqAction.Unmask, 0, 1)) != 0)
            {
                return $"iteration {i}: VFIO_DEVICE_SET_IRQS(index={index}, DATA_NONE|UNMASK): {Errno.Name(errno)}";
            }
        }

        return null;
    }
}
