namespace Lab.Dashboard.Features.Regressions;

/// <summary>What a case's recent history says.</summary>
internal enum RegressionKind
{
    /// <summary>The newest result FAILs after PASSes, with no earlier flip.</summary>
    Regression,

    /// <summary>The newest result PASSes after FAILs, with no earlier flip.</summary>
    Fixed,

    /// <summary>PASS and FAIL alternate (two flips or more) in the window.</summary>
    Unstable,
}
