using Lab.TestCases.Model;
using Lab.Vfio;
using static Lab.TestCases.Devices.Pl031.Pl031Registers;

namespace Lab.TestCases.Cases;

/// <summary>
/// <c>vfio.amba.stress.irq_loop</c>: for <see cref="CaseContext.StressDuration"/>, rounds of loopback triggers on the
/// PL031's level (AUTOMASKED) IRQ: <c>SET_IRQS(DATA_BOOL|TRIGGER, true)</c> and <c>DATA_NONE|TRIGGER</c> alternately,
/// the trigger eventfd, then <c>SET_IRQS(DATA_NONE|UNMASK)</c>. A trigger whose eventfd does not fire within 1 s is a
/// lost IRQ; the case fails on any lost IRQ or ioctl error. The RTC's own interrupt stays masked (IMSC 0) throughout.
/// </summary>
public sealed class Pl031StressCase : IVfioCase
{
    private static readonly TimeSpan IrqTimeout = TimeSpan.FromSeconds(1);

    /// <inheritdoc/>
    public string Id => "vfio.amba.stress.irq_loop";

    /// <inheritdoc/>
    public string Description => "PL031 level IRQ: loopback TRIGGER (BOOL/NONE) -> eventfd -> UNMASK in a loop for the stress duration; no IRQ lost";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.DeviceOf("amba", CaseFeature.Irq) with { AnyDeviceFeature = new[] { "pl031" } };

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var device = context.Device!;
        var irq = device.GetIrqInfo(0);
        if (!irq.Automasked) { return CaseOutcome.Skip($"IRQ 0 flags 0x{irq.Flags:x}: not AUTOMASKED (level), the loop needs UNMASK"); }
        var region = device.OpenRegion(0);
        region.Write32(Imsc, 0);
        region.Write32(Icr, 1);
        using var trigger = Eventfd.Create(context.Syscalls);
        device.SetIrqsEventfd(0, VfioIrqAction.Trigger, 0, [trigger]);
        var counters = new StressCounters();
        string? firstProblem = null;
        try
        {
            while (!counters.Done(context.StressDuration))
            {
                var useBool = (counters.Ops & 1) == 0;
                var errno = useBool
                    ? device.TrySetIrqsBool(0, VfioIrqAction.Trigger, 0, [true])
                    : device.TrySetIrqsNone(0, VfioIrqAction.Trigger, 0, 1);
                if (errno != 0)
                {
                    counters.Errors++;
                    firstProblem ??= $"round {counters.Ops}: SET_IRQS({(useBool ? "DATA_BOOL" : "DATA_NONE")}|TRIGGER): {ExpectedErrno.Describe(errno)}";
                    break;
                }

                if (trigger.Wait(IrqTimeout))
                {
                    trigger.Read();
                    counters.Irqs++;
                }
                else
                {
                    counters.IrqsLost++;
                    firstProblem ??= $"round {counters.Ops}: no eventfd within {IrqTimeout.TotalSeconds} s of SET_IRQS({(useBool ? "DATA_BOOL" : "DATA_NONE")}|TRIGGER)";
                }

                errno = device.TrySetIrqsNone(0, VfioIrqAction.Unmask, 0, 1);
                if (errno != 0)
                {
                    counters.Errors++;
                    firstProblem ??= $"round {counters.Ops}: SET_IRQS(DATA_NONE|UNMASK): {ExpectedErrno.Describe(errno)}";
                    break;
                }

                counters.Ops++;
            }
        }
        finally
        {
            device.SetIrqsNone(0, VfioIrqAction.Unmask, 0, 1);
            device.DisableIrqs(0);
            region.Write32(Icr, 1);
        }

        counters.Record(context);
        if (counters.IrqsLost > 0 || counters.Errors > 0 || counters.Ops == 0)
        {
            return CaseOutcome.Fail($"PL031 IRQ loop over {counters.Elapsed.TotalSeconds:F1} s: {counters.Ops} rounds, {counters.Irqs} IRQs, {counters.IrqsLost} lost, {counters.Errors} errors; first: {firstProblem ?? "no round completed"}");
        }

        return CaseOutcome.Pass();
    }
}
