namespace Lab.Orchestrator.Core.Results;

/// <summary>One board's part in a run.</summary>
/// <param name="RunId">The run.</param>
/// <param name="BoardId">The board, as lab.json names it.</param>
/// <param name="Attempts">Boot attempts used.</param>
/// <param name="Health">What the lab thinks of the board after this run: <c>ok</c>, or why it is broken.</param>
/// <param name="Status">Worst status of its results, or the infrastructure status if it never ran.</param>
/// <param name="StartedAt">When the board's part started.</param>
/// <param name="EndedAt">When it ended; null while running.</param>
/// <param name="Counts">Results per status.</param>
/// <param name="ConsoleLogId">File id of the serial console log.</param>
/// <param name="DmesgLogId">File id of the kernel log taken at the end.</param>
/// <param name="Kernel">The release of the kernel the board ran (<c>uname -r</c> of the build), once built.</param>
public sealed record BoardRunRecord(
    string RunId,
    string BoardId,
    int Attempts,
    string Health,
    TestStatus? Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    StatusCounts Counts,
    string? ConsoleLogId = null,
    string? DmesgLogId = null,
    string? Kernel = null);
