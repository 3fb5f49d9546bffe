namespace Lab.Ktap;

/// <summary>The outcome a KTAP result line carries (<c>ok</c>, <c>not ok</c>, or a directive).</summary>
public enum KtapStatus
{
    /// <summary><c>ok N name</c>.</summary>
    Pass,

    /// <summary><c>not ok N name</c>.</summary>
    Fail,

    /// <summary><c>ok N name # SKIP reason</c>.</summary>
    Skip,

    /// <summary><c>not ok N name # ERROR reason</c>: the harness, not the code under test, failed.</summary>
    Error,
}
