using Lab.TestCases.Model;
using Lab.TestCases.Timing;
using Lab.Vfio;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Cases;

/// <summary>
/// <c>VFIO_DEVICE_SET_IRQS</c> from user space: info flags per IRQ kind, loopback triggers (DATA_NONE / DATA_BOOL
/// signal the bound eventfd), masking, disable with count 0, refused start/index, MASK on an edge IRQ. One class, one
/// instance per check; the IRQ used is the first index with a non-zero count (virtio-rng: edge, PL031: level, edu: INTx).
/// </summary>
public sealed class IrqCase : IVfioCase
{
    private static readonly TimeSpan Signal = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private const int LoopbackWarmup = 20;
    private const int LoopbackSamples = 200;
    private readonly Func<CaseContext, string, VfioIrqInfo, CaseOutcome> _run;
    private readonly Func<VfioIrqInfo, bool> _select;

    private IrqCase(string id, string description, Requirements requirements, Func<VfioIrqInfo, bool> select, Func<CaseContext, string, VfioIrqInfo, CaseOutcome> run)
    {
        Id = id;
        Description = description;
        Requirements = requirements;
        _select = select;
        _run = run;
    }

    /// <summary>virtio-rng's edge IRQ: EVENTFD only.</summary>
    public static IrqCase PlatformFlags { get; } = new("vfio.platform.irq.info_flags", "virtio-mmio's edge IRQ reports EVENTFD only (not MASKABLE/AUTOMASKED)",
        Requirements.DeviceOf("platform", CaseFeature.Irq), _ => true, (c, id, irq) => Flags(irq, VfioConstants.VFIO_IRQ_INFO_EVENTFD, "EVENTFD"));

    /// <summary>PL031's level IRQ: EVENTFD|MASKABLE|AUTOMASKED.</summary>
    public static IrqCase AmbaFlags { get; } = new("vfio.amba.irq.info_flags", "PL031's level IRQ reports EVENTFD|MASKABLE|AUTOMASKED",
        Requirements.DeviceOf("amba", CaseFeature.Irq), _ => true,
        (c, id, irq) => Flags(irq, VfioConstants.VFIO_IRQ_INFO_EVENTFD | VfioConstants.VFIO_IRQ_INFO_MASKABLE | VfioConstants.VFIO_IRQ_INFO_AUTOMASKED, "EVENTFD|MASKABLE|AUTOMASKED"));

    /// <summary>DATA_NONE trigger signals the eventfd.</summary>
    public static IrqCase LoopbackNone { get; } = new("vfio.common.irq.loopback_none", "SET_IRQS(DATA_NONE|ACTION_TRIGGER) from user space signals the bound trigger eventfd, 200 times after 20 warm-up rounds; latency median, p99, max",
        Any, WithCount, (c, id, irq) => Loopback(c, irq, useBool: false));

    /// <summary>DATA_BOOL trigger signals the eventfd.</summary>
    public static IrqCase LoopbackBool { get; } = new("vfio.common.irq.loopback_bool", "SET_IRQS(DATA_BOOL|ACTION_TRIGGER, true) signals the bound trigger eventfd",
        Any, WithCount, (c, id, irq) => Loopback(c, irq, useBool: true));

    /// <summary>Disable with count 0.</summary>
    public static IrqCase DisableCount0 { get; } = new("vfio.common.irq.disable_count0", "SET_IRQS(DATA_NONE|ACTION_TRIGGER, count=0) tears the trigger down; a repeated disable gets the driver's errno (data)",
        Any, WithCount, Disable);

    /// <summary>A masked level IRQ's loopback is not delivered until unmasked.</summary>
    public static IrqCase MaskedNotDelivered { get; } = new("vfio.amba.irq.masked_not_delivered", "PL031: after SET_IRQS(DATA_BOOL|ACTION_MASK) a loopback trigger is not delivered; after DATA_BOOL|ACTION_UNMASK it is; the same with DATA_NONE; unmask-to-eventfd time over 200 rounds",
        Requirements.DeviceOf("amba", CaseFeature.Irq) with { AnyDeviceFeature = new[] { "level-irq" } }, i => i.Maskable && i.Count > 0, MaskedLoopback);

    /// <summary>start past the IRQ's count refused.</summary>
    public static IrqCase BadStart { get; } = new("vfio.common.irq.set_bad_start", "SET_IRQS(DATA_NONE|ACTION_TRIGGER) with start = count refused",
        Any, WithCount, (c, id, irq) => ExpectedErrno.Check(c, id, $"VFIO_DEVICE_SET_IRQS(index={irq.Index}, DATA_NONE|TRIGGER, start={irq.Count}, count=1)",
            c.Device!.TrySetIrqsNone(irq.Index, VfioIrqAction.Trigger, irq.Count, 1)));

    /// <summary>index = num_irqs refused.</summary>
    public static IrqCase BadIndex { get; } = new("vfio.common.irq.set_bad_index", "SET_IRQS(DATA_NONE|ACTION_TRIGGER) with index = num_irqs refused",
        Any, WithCount, (c, id, irq) =>
        {
            var n = c.Device!.GetInfo().NumIrqs;
            return ExpectedErrno.Check(c, id, $"VFIO_DEVICE_SET_IRQS(index={n} (num_irqs), DATA_NONE|TRIGGER, start=0, count=1)", c.Device.TrySetIrqsNone(n, VfioIrqAction.Trigger, 0, 1));
        });

    /// <summary>MASK on an IRQ without MASKABLE.</summary>
    public static IrqCase MaskEdge { get; } = new("vfio.common.irq.mask_edge", "SET_IRQS(DATA_NONE|ACTION_MASK) on an IRQ without the MASKABLE flag (virtio edge, PCI MSI)",
        Any with { AnyDeviceFeature = new[] { "edge-irq", "msi" } }, i => !i.Maskable && i.Count > 0, MaskUnmaskable);

    /// <summary>MASK bound to an eventfd (not implemented by the drivers).</summary>
    public static IrqCase MaskEventfd { get; } = new("vfio.common.irq.mask_eventfd", "SET_IRQS(DATA_EVENTFD|ACTION_MASK) on a maskable IRQ (PL031 level, PCI INTx): the driver's answer (data)",
        Any with { AnyDeviceFeature = new[] { "level-irq", "intx" } }, i => i.Maskable && i.Count > 0, (c, id, irq) =>
        {
            using var efd = Eventfd.Create(c.Syscalls);
            var errno = c.Device!.TrySetIrqsEventfd(irq.Index, VfioIrqAction.Mask, 0, [efd]);
            if (errno == 0)
            {
                // Accepted (vfio-platform's mask virqfd): unbind it and make sure the line is unmasked.
                c.Device.SetIrqsEventfd(irq.Index, VfioIrqAction.Mask, 0, [null]);
                c.Device.SetIrqsNone(irq.Index, VfioIrqAction.Unmask, 0, 1);
            }

            return ExpectedErrno.Check(c, id, $"VFIO_DEVICE_SET_IRQS(index={irq.Index} flags 0x{irq.Flags:x}, DATA_EVENTFD|MASK, start=0, count=1)", errno);
        });

    /// <inheritdoc/>
    public string Id { get; }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public Requirements Requirements { get; }

    private static Requirements Any => new(CaseFeature.Group | CaseFeature.Device | CaseFeature.Irq);

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var device = context.Device!;
        var n = device.GetInfo().NumIrqs;
        for (uint i = 0; i < n; i++)
        {
            if (device.TryGetIrqInfo(i, out var irq) == 0 && _select(irq!))
            {
                context.Note($"irq index {i}: flags 0x{irq!.Flags:x} count {irq.Count}");
                return _run(context, Id, irq);
            }
        }

        return CaseOutcome.Skip("device has no IRQ index of the kind this case needs");
    }

    private static bool WithCount(VfioIrqInfo irq) => irq.Count > 0 && irq.SupportsEventfd;

    private static CaseOutcome Flags(VfioIrqInfo irq, uint want, string names) =>
        irq.Flags == want ? CaseOutcome.Pass() : CaseOutcome.Fail($"VFIO_DEVICE_GET_IRQ_INFO(index={irq.Index}) flags 0x{irq.Flags:x}, expected 0x{want:x} ({names})");

    private static void Unmask(VfioDevice device, VfioIrqInfo irq)
    {
        // Only an automasked IRQ was masked by the loopback; an UNMASK of an unmasked edge line is not balanced.
        if (irq.Automasked) { device.SetIrqsNone(irq.Index, VfioIrqAction.Unmask, 0, 1); }
    }

    private static CaseOutcome Loopback(CaseContext context, VfioIrqInfo irq, bool useBool)
    {
        var device = context.Device!;
        using var trigger = Eventfd.Create(context.Syscalls);
        device.SetIrqsEventfd(irq.Index, VfioIrqAction.Trigger, 0, [trigger]);
        try
        {
            if (!useBool)
            {
                // DATA_NONE is the loop a driver's user runs: timed over many iterations after a warm-up.
                var clock = new SampleClock(LoopbackSamples);
                var failed = IrqLoops.Loopback(device, irq.Index, irq.Automasked, trigger, clock, LoopbackWarmup, LoopbackSamples);
                if (failed is not null) { return CaseOutcome.Fail(failed); }
                clock.Summarize().Report(context, "vfio.irq.loopback_latency");
                return CaseOutcome.Pass();
            }

            device.SetIrqsBool(irq.Index, VfioIrqAction.Trigger, 0, [true]);
            if (!trigger.Wait(Signal)) { return CaseOutcome.Fail($"VFIO_DEVICE_SET_IRQS(index={irq.Index}, DATA_BOOL(true)|TRIGGER, start=0, count=1): trigger eventfd not signalled within {Signal.TotalMilliseconds} ms"); }
            var count = trigger.Read();
            Unmask(device, irq);
            return count == 1 ? CaseOutcome.Pass() : CaseOutcome.Fail($"DATA_BOOL(true) loopback: eventfd count {count}, expected 1");
        }
        finally
        {
            device.DisableIrqs(irq.Index);
        }
    }

    private static CaseOutcome Disable(CaseContext context, string id, VfioIrqInfo irq)
    {
        var device = context.Device!;
        using var trigger = Eventfd.Create(context.Syscalls);
        device.SetIrqsEventfd(irq.Index, VfioIrqAction.Trigger, 0, [trigger]);
        var first = device.TrySetIrqsNone(irq.Index, VfioIrqAction.Trigger, 0, 0);
        if (first != 0) { return CaseOutcome.Fail($"VFIO_DEVICE_SET_IRQS(index={irq.Index}, DATA_NONE|TRIGGER, count=0) with a trigger bound: {ExpectedErrno.Describe(first)}"); }
        var again = device.TrySetIrqsNone(irq.Index, VfioIrqAction.Trigger, 0, 0);
        return ExpectedErrno.Check(context, id, $"second VFIO_DEVICE_SET_IRQS(index={irq.Index}, DATA_NONE|TRIGGER, count=0) with nothing enabled", again);
    }

    private static CaseOutcome MaskedLoopback(CaseContext context, string id, VfioIrqInfo irq)
    {
        var device = context.Device!;
        using var trigger = Eventfd.Create(context.Syscalls);
        device.SetIrqsEventfd(irq.Index, VfioIrqAction.Trigger, 0, [trigger]);
        try
        {
            // Once with DATA_BOOL(true) masks/unmasks, once with DATA_NONE: the same outcome is expected of both.
            foreach (var dataNone in new[] { false, true })
            {
                var kind = dataNone ? "DATA_NONE" : "DATA_BOOL(true)";
                if (dataNone) { device.SetIrqsNone(irq.Index, VfioIrqAction.Mask, 0, 1); }
                else { device.SetIrqsBool(irq.Index, VfioIrqAction.Mask, 0, [true]); }
                device.SetIrqsNone(irq.Index, VfioIrqAction.Trigger, 0, 1);
                if (trigger.Wait(Quiet)) { return CaseOutcome.Fail($"after SET_IRQS({kind}|MASK) IRQ index {irq.Index}: loopback DATA_NONE|TRIGGER was delivered (eventfd count {trigger.Read()})"); }
                if (dataNone) { device.SetIrqsNone(irq.Index, VfioIrqAction.Unmask, 0, 1); }
                else { device.SetIrqsBool(irq.Index, VfioIrqAction.Unmask, 0, [true]); }
                device.SetIrqsNone(irq.Index, VfioIrqAction.Trigger, 0, 1);
                if (!trigger.Wait(Signal)) { return CaseOutcome.Fail($"after SET_IRQS({kind}|UNMASK) IRQ index {irq.Index}: loopback trigger not delivered within {Signal.TotalMilliseconds} ms"); }
                trigger.Read();

                // The delivered loopback went through the automasking handler: unmask before the next round.
                Unmask(device, irq);
            }

            // Then the unmask-to-delivery time over many iterations (no quiet wait: a loopback is delivered, or
            // dropped while masked, inside the SET_IRQS call).
            var clock = new SampleClock(LoopbackSamples);
            var failed = IrqLoops.UnmaskedDelivery(device, irq.Index, irq.Automasked, trigger, clock, LoopbackWarmup, LoopbackSamples);
            if (failed is not null) { return CaseOutcome.Fail(failed); }
            clock.Summarize().Report(context, "vfio.irq.unmask_to_eventfd");
            return CaseOutcome.Pass();
        }
        finally
        {
            device.DisableIrqs(irq.Index);
        }
    }

    private static CaseOutcome MaskUnmaskable(CaseContext context, string id, VfioIrqInfo irq)
    {
        var device = context.Device!;
        var errno = device.TrySetIrqsNone(irq.Index, VfioIrqAction.Mask, 0, 1);
        if (errno == 0)
        {
            // A driver that accepted the MASK masked the line; undo it so later cases see it enabled.
            context.Note($"MASK of IRQ index {irq.Index} (flags 0x{irq.Flags:x}, no MASKABLE) accepted; unmasking");
            device.SetIrqsNone(irq.Index, VfioIrqAction.Unmask, 0, 1);
        }

        return ExpectedErrno.Check(context, id, $"VFIO_DEVICE_SET_IRQS(index={irq.Index} flags 0x{irq.Flags:x}, DATA_NONE|MASK, start=0, count=1)", errno);
    }
}
