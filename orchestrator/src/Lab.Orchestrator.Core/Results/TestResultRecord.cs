namespace Lab.Orchestrator.Core.Results;

/// <summary>One case's result on one board in one run, written the moment it arrives.</summary>
/// <param name="RunId">The run.</param>
/// <param name="BoardId">The board.</param>
/// <param name="TestId">Stable dotted id, e.g. <c>vfio.amba.irq.unmask_eventfd</c>.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Duration">How long the case took, as seen by the orchestrator.</param>
/// <param name="RecordedAt">When the result arrived.</param>
/// <param name="Reason">Skip reason, failure message or harness error text.</param>
/// <param name="Errno">The errno the case saw, where relevant.</param>
/// <param name="ErrnoName">The errno's name, e.g. <c>EINVAL</c>.</param>
/// <param name="Measurements">Figures the case reported.</param>
/// <param name="LogExcerpt">The first part of the case's log (the whole log is in <paramref name="LogId"/>).</param>
/// <param name="Dmesg">Kernel log lines that appeared while the case ran.</param>
/// <param name="LogId">File id of the full case log when it was too large for the excerpt.</param>
/// <param name="Kernel">The release of the kernel that produced it (the store fills in the board run's).</param>
public sealed record TestResultRecord(
    string RunId,
    string BoardId,
    string TestId,
    TestStatus Status,
    TimeSpan Duration,
    DateTimeOffset RecordedAt,
    string? Reason = null,
    int? Errno = null,
    string? ErrnoName = null,
    IReadOnlyList<Measurement>? Measurements = null,
    string? LogExcerpt = null,
    IReadOnlyList<string>? Dmesg = null,
    string? LogId = null,
    string? Kernel = null);
