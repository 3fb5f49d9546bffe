namespace Lab.Orchestrator.Core.Results;

/// <summary>
/// Result statuses in KCIDB priority order: the numeric value grows with severity, so the summary of a set of
/// statuses is the largest one (FAIL &gt; ERROR &gt; MISS &gt; PASS &gt; DONE &gt; SKIP).
/// </summary>
public enum TestStatus
{
    /// <summary>Not run, with a stated reason (a missing board feature, for example).</summary>
    Skip = 0,

    /// <summary>Ran to the end with nothing to judge (a measurement-only step).</summary>
    Done = 1,

    /// <summary>Passed.</summary>
    Pass = 2,

    /// <summary>Infrastructure failure: the board, power, network or build never let the case run.</summary>
    Miss = 3,

    /// <summary>Test harness failure: the agent or the lab broke, not the code under test.</summary>
    Error = 4,

    /// <summary>The kernel or code under test failed.</summary>
    Fail = 5,
}
