using System.Diagnostics;
using Lab.TestCases.Devices;
using Lab.TestCases.Model;
using Lab.Vfio;
using static Lab.TestCases.Devices.Pl031.Pl031Registers;

namespace Lab.TestCases.Cases;

/// <summary>
/// A real level interrupt through vfio-amba: the PL031's match register is set one second ahead, the IRQ arrives once
/// on the trigger eventfd and stays masked (AUTOMASKED) until unmasked, either by <c>SET_IRQS(ACTION_UNMASK)</c> or
/// by signalling an eventfd bound to ACTION_UNMASK. One class, one instance per unmask path.
/// </summary>
public sealed class Pl031MatchCase : IVfioCase
{
    private static readonly TimeSpan Match = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);
    private readonly bool _viaEventfd;

    private Pl031MatchCase(string id, bool viaEventfd, string description)
    {
        Id = id;
        _viaEventfd = viaEventfd;
        Description = description;
    }

    /// <summary>Unmask by ioctl.</summary>
    public static Pl031MatchCase UnmaskIoctl { get; } = new("vfio.amba.irq.rtc_match", false,
        "PL031 match 1 s ahead: the IRQ arrives once, stays masked (a second match is held) until SET_IRQS(DATA_NONE|ACTION_UNMASK), then arrives again");

    /// <summary>Unmask by eventfd.</summary>
    public static Pl031MatchCase UnmaskEventfd { get; } = new("vfio.amba.irq.unmask_eventfd", true,
        "PL031 match with ACTION_UNMASK bound to an eventfd: signalling it unmasks, and the next match arrives");

    /// <inheritdoc/>
    public string Id { get; }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.DeviceOf("amba", CaseFeature.Irq | CaseFeature.MmapRegion) with { AnyDeviceFeature = new[] { "pl031" } };

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var device = context.Device!;
        var region = device.OpenRegion(0);
        if (!IsPl031(region.Read32(PrimeCell.PeriphId0))) { return CaseOutcome.Skip($"region 0 periph id 0x{region.Read32(PrimeCell.PeriphId0):x}: not a PL031"); }
        using var rtc = region.Map();
        using var trigger = Eventfd.Create(context.Syscalls);
        using var unmask = _viaEventfd ? Eventfd.Create(context.Syscalls) : null;
        rtc.WriteUInt32(Imsc, 0);
        rtc.WriteUInt32(Icr, 1);
        device.SetIrqsEventfd(0, VfioIrqAction.Trigger, 0, [trigger]);
        if (unmask is not null) { device.SetIrqsEventfd(0, VfioIrqAction.Unmask, 0, [unmask]); }
        try
        {
            var first = Arm(rtc);
            if (!trigger.Wait(Match)) { return CaseOutcome.Fail($"PL031 MR=0x{first:x} (DR+1), IMSC=1: no IRQ on the trigger eventfd within {Match.TotalSeconds} s (RIS 0x{rtc.ReadUInt32(Ris):x})"); }
            context.Measure("pl031.match_to_eventfd_1", _sinceArm.Elapsed.TotalMilliseconds, "ms");
            var n = trigger.Read();
            if (n != 1) { return CaseOutcome.Fail($"first match: eventfd count {n}, expected 1"); }
            if (trigger.Wait(Quiet)) { return CaseOutcome.Fail($"level IRQ still asserted (RIS 0x{rtc.ReadUInt32(Ris):x}) was delivered again while AUTOMASKED"); }
            rtc.WriteUInt32(Icr, 1);

            if (unmask is not null)
            {
                unmask.Signal();
                var second = Arm(rtc);
                if (!trigger.Wait(Match)) { return CaseOutcome.Fail($"after signalling the ACTION_UNMASK eventfd, MR=0x{second:x}: no IRQ within {Match.TotalSeconds} s (RIS 0x{rtc.ReadUInt32(Ris):x})"); }
                context.Measure("pl031.match_to_eventfd_2", _sinceArm.Elapsed.TotalMilliseconds, "ms");
                trigger.Read();
            }
            else
            {
                var second = Arm(rtc);

                // Until the match has happened (RIS), then a quiet spell: delivered by then, it would be on the eventfd.
                var held = Stopwatch.StartNew();
                while ((rtc.ReadUInt32(Ris) & 1) == 0 && held.Elapsed < Match && !trigger.Wait(TimeSpan.FromMilliseconds(10)))
                {
                }

                if (trigger.Wait(Quiet)) { return CaseOutcome.Fail($"second match (MR=0x{second:x}) delivered before UNMASK: the line should stay masked"); }
                var ris = rtc.ReadUInt32(Ris);
                context.Note($"second match held while masked: RIS 0x{ris:x}");
                if ((ris & 1) == 0) { return CaseOutcome.Fail($"second match did not happen within {Match.TotalSeconds} s (RIS 0x{ris:x}): cannot tell masked from missing"); }
                device.SetIrqsNone(0, VfioIrqAction.Unmask, 0, 1);
                if (!trigger.Wait(TimeSpan.FromSeconds(1))) { return CaseOutcome.Fail("SET_IRQS(DATA_NONE|ACTION_UNMASK) with the match pending (RIS 1): the held IRQ was not delivered within 1 s"); }
                trigger.Read();
            }

            return CaseOutcome.Pass();
        }
        finally
        {
            rtc.WriteUInt32(Imsc, 0);
            rtc.WriteUInt32(Icr, 1);
            if (unmask is not null) { device.SetIrqsEventfd(0, VfioIrqAction.Unmask, 0, [null]); }
            device.SetIrqsNone(0, VfioIrqAction.Unmask, 0, 1);
            device.DisableIrqs(0);
        }
    }

    private Stopwatch _sinceArm = new();

    private uint Arm(MmioView rtc)
    {
        var match = rtc.ReadUInt32(Dr) + 1;
        rtc.WriteUInt32(Mr, match);
        rtc.WriteUInt32(Imsc, 1);
        _sinceArm = Stopwatch.StartNew();
        return match;
    }
}
