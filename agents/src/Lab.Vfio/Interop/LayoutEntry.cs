namespace Lab.Vfio.Interop;

/// <summary>One row of a layout table: <c>sizeof vfio_device_info 24</c>, <c>offsetof vfio_irq_set.count 16</c>.</summary>
/// <param name="Kind"><c>sizeof</c>, <c>offsetof</c>, <c>fieldsize</c>, <c>alignof</c>, <c>flex</c> or <c>const</c>.</param>
/// <param name="Name"><c>struct</c> or <c>struct.field</c> or a macro name.</param>
/// <param name="Value">The number.</param>
public sealed record LayoutEntry(string Kind, string Name, long Value);
