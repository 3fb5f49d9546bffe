namespace Lab.Orchestrator.Core.Results;

/// <summary>
/// The results store: the orchestrator writes each result the moment it arrives, the dashboard reads at the
/// same time from another process. Every write is durable when the call returns.
/// </summary>
public interface IResultStore : IDisposable
{
    /// <summary>Opens a run owned by this process, state <see cref="RunState.Running"/>.</summary>
    RunRecord StartRun(RunTrigger trigger, string who, IReadOnlyList<string> boards, BuildInfo build);

    /// <summary>Records what the run built once the builds are done (they finish after the run starts).</summary>
    void UpdateBuild(string runId, BuildInfo build, string? buildLogId);

    /// <summary>Creates or replaces one board's part of a run.</summary>
    void UpsertBoardRun(BoardRunRecord boardRun);

    /// <summary>Writes one result and folds it into the run's and board run's counts, in one transaction.</summary>
    void AddResult(TestResultRecord result);

    /// <summary>
    /// Ends a run: state completed, end time, final status from its results, but no better than
    /// <paramref name="atLeast"/> (a cancelled run never passes).
    /// </summary>
    RunRecord FinishRun(string runId, string? note = null, TestStatus? atLeast = null);

    /// <summary>
    /// Marks every run still "running" whose owner is no longer alive as <see cref="RunState.Incomplete"/>,
    /// keeping all it wrote. Returns the ids it marked.
    /// </summary>
    IReadOnlyList<string> MarkAbandonedRuns(Func<RunOwner, bool> ownerAlive);

    /// <summary>Stores a large text (console log, build log) and returns its id.</summary>
    string SaveLog(string name, string content);

    /// <summary>Reads a stored text back; null when there is no such id.</summary>
    string? ReadLog(string id);

    /// <summary>One run, or null.</summary>
    RunRecord? GetRun(string runId);

    /// <summary>Runs, newest first, filtered.</summary>
    IReadOnlyList<RunRecord> ListRuns(RunQuery query);

    /// <summary>The boards of a run.</summary>
    IReadOnlyList<BoardRunRecord> GetBoardRuns(string runId);

    /// <summary>The results of a run in the order they arrived, optionally for one board.</summary>
    IReadOnlyList<TestResultRecord> GetResults(string runId, string? boardId = null);

    /// <summary>One case's results over time, newest first, optionally on one board.</summary>
    IReadOnlyList<TestResultRecord> GetHistory(string testId, string? boardId = null, int limit = 30);

    /// <summary>One board's part of each of the given runs, in one query (runs it took no part in are left out).</summary>
    IReadOnlyList<BoardRunRecord> GetBoardRunsOf(string boardId, IReadOnlyList<string> runIds);

    /// <summary>Some cases' results on one board in the given runs, in one query (an index seek per run and case; pairs without a result are left out).</summary>
    IReadOnlyList<TestResultRecord> GetCasesInRuns(IReadOnlyList<string> testIds, string boardId, IReadOnlyList<string> runIds);

    /// <summary>Takes a board for <paramref name="ttl"/>; null when someone else holds an unexpired lease.</summary>
    BoardLease? TryAcquireLease(string boardId, string holder, string? runId, TimeSpan ttl);

    /// <summary>Extends a lease the holder still has; false when it expired and was taken.</summary>
    bool RenewLease(string boardId, string holder, TimeSpan ttl);

    /// <summary>Gives a board back.</summary>
    void ReleaseLease(string boardId, string holder);

    /// <summary>The current, unexpired lease of each leased board.</summary>
    IReadOnlyList<BoardLease> GetLeases();
}
