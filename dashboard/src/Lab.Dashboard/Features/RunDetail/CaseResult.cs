using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.RunDetail;

/// <summary>One case's result as the run page and its API show it.</summary>
internal sealed record CaseResult(
    string BoardId,
    string TestId,
    string Status,
    double DurationMs,
    DateTimeOffset RecordedAt,
    string? Reason,
    int? Errno,
    string? ErrnoName,
    IReadOnlyList<Measurement> Measurements,
    IReadOnlyList<string> Dmesg,
    int TroubleLines,
    bool HasFullLog)
{
    public static CaseResult Of(TestResultRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var dmesg = r.Dmesg ?? [];
        return new CaseResult(
            r.BoardId,
            r.TestId,
            r.Status.ToKcidb(),
            r.Duration.TotalMilliseconds,
            r.RecordedAt,
            r.Reason,
            r.Errno,
            r.ErrnoName,
            r.Measurements ?? [],
            dmesg,
            dmesg.Count(KernelLog.IsTrouble),
            r.LogId is not null);
    }
}
