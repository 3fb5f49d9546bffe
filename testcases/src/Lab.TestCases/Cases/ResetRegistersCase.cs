using System.Diagnostics;
using Lab.TestCases.Devices;
using Lab.TestCases.Model;
using Lab.Vfio;
using static Lab.TestCases.Devices.Pl031.Pl031Registers;

namespace Lab.TestCases.Cases;

/// <summary>
/// <c>VFIO_DEVICE_RESET</c> through vfio-amba really runs the PL031 handler of kernel/reset/vfiolab-reset.ko: with the
/// interrupt unmasked (IMSC 1) and a match pending (RIS/MIS 1), the reset returns IMSC to 0 and clears the match
/// (MIS 0, RIS 0), and the RTC still counts afterwards (DR advances). Skips when the device offers no RESET.
/// </summary>
public sealed class ResetRegistersCase : IVfioCase
{

    /// <inheritdoc/>
    public string Id => "vfio.amba.reset.registers";

    /// <inheritdoc/>
    public string Description => "PL031 with IMSC=1 and a pending match: VFIO_DEVICE_RESET leaves IMSC 0, MIS 0, and DR still counting";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.DeviceOf("amba") with { AnyDeviceFeature = new[] { "pl031" } };

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var device = context.Device!;
        var info = device.GetInfo();
        var region = device.OpenRegion(0);
        if (!IsPl031(region.Read32(PrimeCell.PeriphId0))) { return CaseOutcome.Skip($"region 0 periph id 0x{region.Read32(PrimeCell.PeriphId0):x}: not a PL031"); }
        ResetHandler.Expected(context.Syscalls, device.Name, out var why);
        if (!info.SupportsReset) { return CaseOutcome.Skip($"no reset handler for this device (flags 0x{info.Flags:x} without RESET; {why})"); }

        try
        {
            // MR == DR fires at once in the PL031 (a match is "DR equals MR"); retry if DR ticked between read and write.
            uint mr = 0;
            var pending = false;
            for (var i = 0; i < 3 && !pending; i++)
            {
                mr = region.Read32(Dr);
                region.Write32(Mr, mr);
                pending = (region.Read32(Ris) & 1) != 0;
            }

            region.Write32(Imsc, 1);
            var before = (Imsc: region.Read32(Imsc), Ris: region.Read32(Ris), Mis: region.Read32(Mis), Mr: region.Read32(Mr));
            context.Note($"before reset: MR 0x{before.Mr:x} IMSC 0x{before.Imsc:x} RIS 0x{before.Ris:x} MIS 0x{before.Mis:x}");
            if (before.Imsc != 1 || before.Mis != 1)
            {
                return CaseOutcome.Fail($"could not dirty the PL031: MR=0x{mr:x} (DR), IMSC=1 read back IMSC 0x{before.Imsc:x} RIS 0x{before.Ris:x} MIS 0x{before.Mis:x}");
            }

            var errno = device.TryReset();
            if (errno != 0) { return CaseOutcome.Fail($"VFIO_DEVICE_RESET on {device.Name} (flags 0x{info.Flags:x} with RESET): {ExpectedErrno.Describe(errno)}"); }
            var after = (Imsc: region.Read32(Imsc), Ris: region.Read32(Ris), Mis: region.Read32(Mis), Mr: region.Read32(Mr));
            context.Note($"after reset: MR 0x{after.Mr:x} IMSC 0x{after.Imsc:x} RIS 0x{after.Ris:x} MIS 0x{after.Mis:x}");
            if (after.Imsc != 0 || after.Mis != 0 || after.Ris != 0)
            {
                return CaseOutcome.Fail($"after VFIO_DEVICE_RESET: IMSC 0x{after.Imsc:x} RIS 0x{after.Ris:x} MIS 0x{after.Mis:x}, the handler promises 0/0/0 (before: 0x{before.Imsc:x}/0x{before.Ris:x}/0x{before.Mis:x})");
            }

            return Counts(context, region);
        }
        finally
        {
            region.Write32(Imsc, 0);
            region.Write32(Icr, 1);
        }
    }

    // DR counts seconds: it must change within 2.5 s of the reset.
    private static CaseOutcome Counts(CaseContext context, VfioRegion region)
    {
        using var pacer = Eventfd.Create(context.Syscalls);
        var dr0 = region.Read32(Dr);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(2.5))
        {
            // poll(2) on an eventfd nobody signals: a timed wait between reads.
            pacer.Wait(TimeSpan.FromMilliseconds(100));
            var dr = region.Read32(Dr);
            if (dr != dr0)
            {
                context.Measure("pl031.dr_advance_after_reset", clock.Elapsed.TotalMilliseconds, "ms");
                return CaseOutcome.Pass();
            }
        }

        return CaseOutcome.Fail($"after VFIO_DEVICE_RESET the RTC stopped: DR stayed 0x{dr0:x} for 2.5 s");
    }
}
