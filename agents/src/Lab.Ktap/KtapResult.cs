namespace Lab.Ktap;

/// <summary>One parsed result, with what the stream said about it before its result line.</summary>
/// <param name="Id">The name, prefixed with its parents' names and <c>/</c> for subtests.</param>
/// <param name="Number">The test number at its level; 0 for a harness error with no line of its own.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Name">The name on the result line.</param>
/// <param name="Reason">The directive's text (SKIP/ERROR reason, or a note); null when there is none.</param>
/// <param name="Depth">0 for top-level results, 1 for their subtests, and so on.</param>
/// <param name="Log">Diagnostics and other lines seen at this level since the previous result, sanitised.</param>
/// <param name="Dmesg">Kernel log lines the agent attached to this case.</param>
/// <param name="Measurements">Figures the case reported.</param>
/// <param name="Errno">The errno the case reported, if any.</param>
/// <param name="ErrnoName">The errno's symbolic name, if reported.</param>
public sealed record KtapResult(
    string Id,
    int Number,
    KtapStatus Status,
    string Name,
    string? Reason,
    int Depth,
    IReadOnlyList<string> Log,
    IReadOnlyList<string> Dmesg,
    IReadOnlyList<KtapMeasurement> Measurements,
    int? Errno,
    string? ErrnoName)
{
    /// <summary>True when this result reports a broken stream rather than a test line.</summary>
    public bool IsHarnessError => Status == KtapStatus.Error && Number == 0;
}
