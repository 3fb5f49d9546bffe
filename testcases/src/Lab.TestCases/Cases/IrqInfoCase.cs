using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases.Cases;

/// <summary>
/// <c>VFIO_DEVICE_GET_IRQ_INFO</c> for every index: index echoed, an index with IRQs supports eventfds,
/// AUTOMASKED implies MASKABLE; one past the last index is rejected with the expected errno.
/// </summary>
public sealed class IrqInfoCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.irq.info";

    /// <inheritdoc/>
    public string Description => "VFIO_DEVICE_GET_IRQ_INFO is consistent for every index and rejects index num_irqs";

    /// <inheritdoc/>
    public Requirements Requirements => Requirements.Device;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var device = context.Device!;
        var n = device.GetInfo().NumIrqs;
        for (uint i = 0; i < n; i++)
        {
            var got = device.TryGetIrqInfo(i, out var info);
            if (got != 0)
            {
                // An index the driver counts but refuses (data: ExpectedErrno "{Id}#{i}"), e.g. vfio-pci's VGA region.
                var allowed = ExpectedErrno.TryFor(Id + "#" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), context.Driver, context.Kernel);
                context.RecordErrno(got);
                if (allowed == got) { context.Note($"index {i}: VFIO_DEVICE_GET_IRQ_INFO {Errno.Name(got)} (absent on vfio-{context.Driver})"); continue; }
                return CaseOutcome.Fail($"VFIO_DEVICE_GET_IRQ_INFO(index={i}) below the count {n}: {ExpectedErrno.Describe(got)} on {context.Kernel} vfio-{context.Driver}");
            }

            var irq = info!;
            context.Measure($"vfio.irq{i}.count", irq.Count);
            context.Note($"irq {i}: flags 0x{irq.Flags:x} count {irq.Count}");
            if (irq.Index != i) { return CaseOutcome.Fail($"VFIO_DEVICE_GET_IRQ_INFO(index={i}) echoed index {irq.Index}"); }
            if (irq.Count > 0 && !irq.SupportsEventfd) { return CaseOutcome.Fail($"irq {i} has {irq.Count} IRQs but no EVENTFD flag (0x{irq.Flags:x})"); }
            if (irq.Automasked && !irq.Maskable) { return CaseOutcome.Fail($"irq {i} is AUTOMASKED but not MASKABLE (0x{irq.Flags:x})"); }
        }

        var errno = device.TryGetIrqInfo(n, out _);
        context.RecordErrno(errno);
        var expected = ExpectedErrno.For(Id);
        return errno == expected
            ? CaseOutcome.Pass()
            : CaseOutcome.Fail($"VFIO_DEVICE_GET_IRQ_INFO(index={n}) gave errno {errno} {Errno.Name(errno)}, expected {expected} {Errno.Name(expected)}");
    }
}
