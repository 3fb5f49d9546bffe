namespace Lab.Orchestrator.Core.Bisect;

/// <summary>What one commit's run said about the case, as <c>git bisect</c> marks it.</summary>
public enum BisectVerdict
{
    /// <summary>The case passed on every device it ran on.</summary>
    Good,

    /// <summary>The case failed on a device.</summary>
    Bad,

    /// <summary>The commit could not be judged: its build or its board failed, or the case did not end in PASS or FAIL.</summary>
    Skip,
}
