namespace Lab.TestCases.Model;

/// <summary>How a case ended, with the reason for anything but a pass.</summary>
/// <param name="Status">The status.</param>
/// <param name="Reason">Why (names the ioctl, values and errno for failures).</param>
public sealed record CaseOutcome(CaseStatus Status, string? Reason = null)
{
    /// <summary>Passed.</summary>
    public static CaseOutcome Pass() => new(CaseStatus.Pass);

    /// <summary>Failed because of the code under test.</summary>
    public static CaseOutcome Fail(string reason) => new(CaseStatus.Fail, reason);

    /// <summary>Not applicable.</summary>
    public static CaseOutcome Skip(string reason) => new(CaseStatus.Skip, reason);

    /// <summary>The harness failed.</summary>
    public static CaseOutcome Error(string reason) => new(CaseStatus.Error, reason);
}
