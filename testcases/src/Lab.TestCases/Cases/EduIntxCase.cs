using System.Diagnostics;
using Lab.TestCases.Devices.Edu;
using Lab.TestCases.Model;
using Lab.Vfio;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Cases;

/// <summary>
/// edu's INTx through vfio-pci (IRQ index 0, level): a raise (0x60) arrives once and the line stays masked
/// (AUTOMASKED) while edu holds it asserted; after the acknowledge (0x64) and <c>SET_IRQS(ACTION_UNMASK)</c> the next
/// raise arrives. With <c>ACTION_MASK</c> set first a raise is held, and UNMASK delivers it (the line is still
/// asserted). Enabling MSI while INTx is on gets the driver's errno (data).
/// </summary>
public sealed class EduIntxCase : IVfioCase
{
    private const string MsiWhileIntx = "vfio.pci.irq.edu_intx#msi_while_intx";
    private const uint LevelFlags = VfioConstants.VFIO_IRQ_INFO_EVENTFD | VfioConstants.VFIO_IRQ_INFO_MASKABLE | VfioConstants.VFIO_IRQ_INFO_AUTOMASKED;
    private static readonly TimeSpan Signal = TimeSpan.FromSeconds(1);
    // How long an IRQ that must not come is waited for: 10x the slowest delivery measured on a loaded TCG board (15 ms).
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    /// <inheritdoc/>
    public string Id => "vfio.pci.irq.edu_intx";

    /// <inheritdoc/>
    public string Description => "edu INTx (index 0, EVENTFD|MASKABLE|AUTOMASKED): a raise arrives once and is held until 0x64 ack + ACTION_UNMASK; ACTION_MASK holds a raise that UNMASK then delivers; MSI refused while INTx is on (errno data)";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.DeviceOf("pci", CaseFeature.Type1 | CaseFeature.Irq | CaseFeature.MmapRegion) with { AnyDeviceFeature = EduDevice.Features };

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var device = context.Device!;
        using var edu = EduDevice.Open(device, out var why);
        if (edu is null) { return CaseOutcome.Skip(why); }
        var intx = device.GetIrqInfo(EduDevice.IntxIndex);
        context.Note($"INTx index {intx.Index}: flags 0x{intx.Flags:x} count {intx.Count}");
        if (intx.Count == 0) { return CaseOutcome.Skip(EduDevice.NoIntx); }
        if (intx.Flags != LevelFlags) { return CaseOutcome.Fail($"VFIO_DEVICE_GET_IRQ_INFO(index 0, INTx) flags 0x{intx.Flags:x}, expected 0x{LevelFlags:x} (EVENTFD|MASKABLE|AUTOMASKED)"); }
        using var trigger = Eventfd.Create(context.Syscalls);
        edu.Ack(uint.MaxValue);
        device.SetIrqsEventfd(EduDevice.IntxIndex, VfioIrqAction.Trigger, 0, [trigger]);
        try
        {
            return Automask(context, device, edu, trigger) ?? Masked(device, edu, trigger) ?? MsiRefused(context, device);
        }
        finally
        {
            edu.Ack(uint.MaxValue);
            device.TrySetIrqsNone(EduDevice.IntxIndex, VfioIrqAction.Unmask, 0, 1);
            device.DisableIrqs(EduDevice.IntxIndex);
        }
    }

    private static CaseOutcome? Automask(CaseContext context, VfioDevice device, EduDevice edu, Eventfd trigger)
    {
        var clock = Stopwatch.StartNew();
        edu.Raise(0x1);
        if (!trigger.Wait(Signal)) { return CaseOutcome.Fail($"raise 0x60 <- 0x1 (status 0x{edu.Status:x}): INTx eventfd not signalled within {Signal.TotalMilliseconds} ms"); }
        context.Measure("edu.intx.latency", clock.Elapsed.TotalMilliseconds, "ms");
        var count = trigger.Read();
        if (count != 1) { return CaseOutcome.Fail($"one raise 0x60 <- 0x1: INTx eventfd count {count}, expected 1"); }
        if (trigger.Wait(Quiet)) { return CaseOutcome.Fail($"INTx still asserted (status 0x{edu.Status:x}) was delivered again while AUTOMASKED (count {trigger.Read()})"); }
        edu.Raise(0x2);
        if (trigger.Wait(Quiet)) { return CaseOutcome.Fail($"second raise 0x60 <- 0x2 before ack/unmask delivered (count {trigger.Read()}); the line should stay masked"); }
        var status = edu.Status;
        if (status != 0x3) { return CaseOutcome.Fail($"after raises 0x1 and 0x2, status 0x24 = 0x{status:x}, expected 0x3"); }

        // Ack first, so the unmask finds the line low: nothing may arrive.
        edu.Ack(0x3);
        device.SetIrqsNone(EduDevice.IntxIndex, VfioIrqAction.Unmask, 0, 1);
        if (trigger.Wait(Quiet)) { return CaseOutcome.Fail($"ACTION_UNMASK after ack 0x64 <- 0x3 (status 0x{edu.Status:x}) delivered an IRQ (count {trigger.Read()}) although the line is low"); }
        clock = Stopwatch.StartNew();
        edu.Raise(0x4);
        if (!trigger.Wait(Signal)) { return CaseOutcome.Fail($"after ack + DATA_NONE|ACTION_UNMASK, raise 0x60 <- 0x4 not delivered within {Signal.TotalMilliseconds} ms (status 0x{edu.Status:x})"); }
        context.Measure("edu.intx.latency_after_unmask", clock.Elapsed.TotalMilliseconds, "ms");
        trigger.Read();
        edu.Ack(0x4);
        device.SetIrqsNone(EduDevice.IntxIndex, VfioIrqAction.Unmask, 0, 1);
        return null;
    }

    private static CaseOutcome? Masked(VfioDevice device, EduDevice edu, Eventfd trigger)
    {
        device.SetIrqsNone(EduDevice.IntxIndex, VfioIrqAction.Mask, 0, 1);
        edu.Raise(0x8);
        if (trigger.Wait(Quiet)) { return CaseOutcome.Fail($"after DATA_NONE|ACTION_MASK, raise 0x60 <- 0x8 was delivered (count {trigger.Read()})"); }
        var status = edu.Status;
        if (status != 0x8) { return CaseOutcome.Fail($"masked raise 0x60 <- 0x8: status 0x24 = 0x{status:x}, expected 0x8 (cannot tell masked from missing)"); }
        device.SetIrqsNone(EduDevice.IntxIndex, VfioIrqAction.Unmask, 0, 1);
        if (!trigger.Wait(Signal)) { return CaseOutcome.Fail($"DATA_NONE|ACTION_UNMASK with the line asserted (status 0x{edu.Status:x}): held IRQ not delivered within {Signal.TotalMilliseconds} ms"); }
        var count = trigger.Read();
        edu.Ack(0x8);
        device.SetIrqsNone(EduDevice.IntxIndex, VfioIrqAction.Unmask, 0, 1);
        return count == 1 ? null : CaseOutcome.Fail($"held INTx delivered on UNMASK with eventfd count {count}, expected 1");
    }

    private static CaseOutcome MsiRefused(CaseContext context, VfioDevice device)
    {
        using var msi = Eventfd.Create(context.Syscalls);
        var errno = device.TrySetIrqsEventfd(EduDevice.MsiIndex, VfioIrqAction.Trigger, 0, [msi]);
        if (errno == 0) { device.DisableIrqs(EduDevice.MsiIndex); }
        return ExpectedErrno.Check(context, MsiWhileIntx, "VFIO_DEVICE_SET_IRQS(index 1 MSI, DATA_EVENTFD|TRIGGER) while INTx (index 0) is enabled", errno);
    }
}
