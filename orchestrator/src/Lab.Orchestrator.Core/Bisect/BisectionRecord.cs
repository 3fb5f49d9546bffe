namespace Lab.Orchestrator.Core.Bisect;

/// <summary>A <c>lab bisect</c>: what it searched, the commits it tested, and what it found.</summary>
/// <param name="Id">Sortable id: <c>bYYYYMMDD-HHMMSS-xxxx</c> (UTC).</param>
/// <param name="Tree">The git tree, a full path.</param>
/// <param name="Good">The good commit's sha.</param>
/// <param name="Bad">The bad commit's sha.</param>
/// <param name="CaseId">The case judged on each commit.</param>
/// <param name="BoardId">The board it ran on.</param>
/// <param name="StartedAt">When it started.</param>
public sealed record BisectionRecord(string Id, string Tree, string Good, string Bad, string CaseId, string BoardId, DateTimeOffset StartedAt)
{
    /// <summary>The commits between good and bad (good excluded, bad included) when it started.</summary>
    public int Candidates { get; init; }

    /// <summary>The commits tested so far, in order.</summary>
    public IReadOnlyList<BisectionStep> Steps { get; init; } = [];

    /// <summary>When it ended; null while it runs (or when its process died).</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The first bad commit, once found.</summary>
    public string? FirstBad { get; init; }

    /// <summary>Its subject.</summary>
    public string? FirstBadSubject { get; init; }

    /// <summary>How it ended: the first bad commit, the commits it could not tell apart (skips), or why it stopped.</summary>
    public string? Note { get; init; }
}
