using Lab.TestCases.Model;
using Lab.Vfio;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Cases;

/// <summary>
/// <c>vfio.amba.irq.per_index</c>: a device with several IRQ indexes (the Zynq PL330: abort and eight event lines)
/// gets one eventfd per index, bound with one SET_IRQS each. Every index reports EVENTFD|MASKABLE|AUTOMASKED; a
/// loopback trigger on one index reaches its own eventfd and no other; with one index masked, a trigger on it is not
/// delivered while a trigger on the next index is, and after UNMASK it delivers again. Planned on devices whose lab.json
/// features say <c>multi-irq</c>; skipped on a device with one index.
/// </summary>
public sealed class IrqRoutingCase : IVfioCase
{
    private static readonly TimeSpan Signal = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);
    private const uint LevelFlags = VfioConstants.VFIO_IRQ_INFO_EVENTFD | VfioConstants.VFIO_IRQ_INFO_MASKABLE | VfioConstants.VFIO_IRQ_INFO_AUTOMASKED;

    /// <inheritdoc/>
    public string Id => "vfio.amba.irq.per_index";

    /// <inheritdoc/>
    public string Description => "Several IRQ indexes of one device: an eventfd per index, each index's loopback reaches only its eventfd, MASK and UNMASK act on one index alone";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.DeviceOf("amba", CaseFeature.Irq) with { AnyDeviceFeature = new[] { "multi-irq" } };

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var device = context.Device!;
        var n = device.GetInfo().NumIrqs;
        if (n < 2) { return CaseOutcome.Skip($"{n} IRQ index: routing between indexes needs two or more"); }
        for (uint i = 0; i < n; i++)
        {
            var errno = device.TryGetIrqInfo(i, out var irq);
            if (errno != 0) { return CaseOutcome.Fail($"VFIO_DEVICE_GET_IRQ_INFO(index={i}) of {n}: {ExpectedErrno.Describe(errno)}"); }
            if (irq!.Flags != LevelFlags || irq.Count != 1)
            {
                return CaseOutcome.Fail($"VFIO_DEVICE_GET_IRQ_INFO(index={i}): flags 0x{irq.Flags:x} count {irq.Count}, expected 0x{LevelFlags:x} (EVENTFD|MASKABLE|AUTOMASKED) and 1");
            }
        }

        var eventfds = new Eventfd[n];
        try
        {
            for (uint i = 0; i < n; i++)
            {
                eventfds[i] = Eventfd.Create(context.Syscalls);
                device.SetIrqsEventfd(i, VfioIrqAction.Trigger, 0, [eventfds[i]]);
            }

            for (uint i = 0; i < n; i++)
            {
                if (Deliver(device, eventfds, i) is { } misrouted) { return CaseOutcome.Fail(misrouted); }
            }

            context.Note($"{n} indexes: each loopback reached its own eventfd only");
            return MaskOne(device, eventfds, 0, 1) is { } masking ? CaseOutcome.Fail(masking) : CaseOutcome.Pass();
        }
        finally
        {
            for (uint i = 0; i < n; i++)
            {
                if (eventfds[i] is null) { continue; }
                device.DisableIrqs(i);
                eventfds[i].Dispose();
            }
        }
    }

    // A loopback on index i: its eventfd fires, no other does; then UNMASK (the loopback went through the automasking handler).
    private static string? Deliver(VfioDevice device, Eventfd[] eventfds, uint index)
    {
        device.SetIrqsNone(index, VfioIrqAction.Trigger, 0, 1);
        if (!eventfds[index].Wait(Signal)) { return $"loopback on index {index}: its eventfd not signalled within {Signal.TotalMilliseconds} ms"; }
        eventfds[index].Read();
        device.SetIrqsNone(index, VfioIrqAction.Unmask, 0, 1);
        for (uint j = 0; j < eventfds.Length; j++)
        {
            if (j != index && eventfds[j].Wait(TimeSpan.Zero)) { return $"loopback on index {index} also signalled index {j}'s eventfd"; }
        }

        return null;
    }

    // Index `masked` masked: its loopback is not delivered, index `other`'s is; after UNMASK it delivers again.
    private static string? MaskOne(VfioDevice device, Eventfd[] eventfds, uint masked, uint other)
    {
        device.SetIrqsNone(masked, VfioIrqAction.Mask, 0, 1);
        device.SetIrqsNone(masked, VfioIrqAction.Trigger, 0, 1);
        if (Deliver(device, eventfds, other) is { } failure) { return $"with index {masked} masked, {failure}"; }
        if (eventfds[masked].Wait(Quiet)) { return $"index {masked} is masked, yet its loopback was delivered"; }
        device.SetIrqsNone(masked, VfioIrqAction.Unmask, 0, 1);
        // A masked loopback is dropped by vfio-platform (it only signals an unmasked line), so after UNMASK the index
        // works again rather than replaying: a fresh loopback must arrive.
        return Deliver(device, eventfds, masked) is { } after ? $"after UNMASK of index {masked}: {after}" : null;
    }
}
