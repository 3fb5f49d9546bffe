namespace Lab.TestCases.Model;

/// <summary>One row of <see cref="ExpectedErrno"/>.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Errno">The errno (0: success).</param>
/// <param name="Driver">Only for this driver (<c>platform</c>, <c>amba</c>, <c>pci</c>), or any.</param>
/// <param name="MinKernel">From this kernel (inclusive), or any.</param>
/// <param name="MaxKernel">Before this kernel (exclusive), or any.</param>
public sealed record ExpectedErrnoRow(string CaseId, int Errno, string? Driver = null, Version? MinKernel = null, Version? MaxKernel = null)
{
    /// <summary>More specific rows win: driver over kernel range over neither.</summary>
    public int Specificity => (Driver is null ? 0 : 4) + (MinKernel is null ? 0 : 1) + (MaxKernel is null ? 0 : 1);

    /// <summary>Whether the row applies.</summary>
    public bool Matches(string caseId, string? driver, Version? kernel) =>
        CaseId == caseId && (Driver is null || Driver == driver) &&
        (MinKernel is null || (kernel is not null && kernel >= MinKernel)) &&
        (MaxKernel is null || (kernel is not null && kernel < MaxKernel));
}
