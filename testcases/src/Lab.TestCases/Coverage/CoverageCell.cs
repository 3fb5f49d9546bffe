namespace Lab.TestCases.Coverage;

/// <summary>One row of the coverage matrix: a uAPI call and the flag/action/argument class it is exercised with.</summary>
/// <param name="Ioctl">The ioctl or syscall (<c>VFIO_DEVICE_SET_IRQS</c>, <c>mmap</c>, <c>pread</c>).</param>
/// <param name="Action">The flag, action or argument class (<c>DATA_NONE|TRIGGER</c>, <c>bad index</c>).</param>
public sealed record CoverageCell(string Ioctl, string Action)
{
    /// <inheritdoc/>
    public override string ToString() => Ioctl + " " + Action;
}
