namespace Lab.TestCases.Devices.Virtio;

/// <summary>What came back for one request.</summary>
/// <param name="Used">The device put an element in the used ring.</param>
/// <param name="Id">The used element's descriptor id.</param>
/// <param name="Length">Bytes the device wrote (the used element's len).</param>
/// <param name="Irq">The IRQ arrived on the eventfd.</param>
/// <param name="EventfdCount">The eventfd count read after it arrived (1 for exactly one IRQ).</param>
/// <param name="InterruptStatus">InterruptStatus read after the wait (then acknowledged).</param>
/// <param name="UsedAt">Time from notify to seeing the used element.</param>
/// <param name="IrqAt">Time from notify to the eventfd wake-up.</param>
public sealed record VirtioCompletion(bool Used, uint Id, uint Length, bool Irq, ulong EventfdCount, uint InterruptStatus, TimeSpan? UsedAt, TimeSpan? IrqAt)
{
    /// <summary>The used ring has the completion but its IRQ did not arrive in time.</summary>
    public bool IrqLost => Used && !Irq;
}
