namespace Lab.TestCases.Model;

/// <summary>A case's result, in KTAP terms.</summary>
public enum CaseStatus
{
    /// <summary>Passed.</summary>
    Pass,

    /// <summary>The code under test (kernel, driver) did the wrong thing.</summary>
    Fail,

    /// <summary>Not applicable on this board/device.</summary>
    Skip,

    /// <summary>The harness failed (not the code under test).</summary>
    Error,
}
