using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LiteDB;
using Lab.Orchestrator.Core.Bisect;
using Lab.Orchestrator.Core.Jobs;
using Lab.Orchestrator.Core.Results;

namespace Lab.Results;

/// <summary>
/// The results store on one LiteDB file, opened in <c>Connection=shared</c> mode: LiteDB then takes a named
/// (cross-process) mutex around each operation and reopens the file, so the dashboard can read while a run
/// writes from another process, and a writer killed with SIGKILL loses nothing it had returned from. One
/// instance per process.
/// </summary>
public sealed partial class LiteDbResultStore : IResultStore, IJobStore, IBisectionStore
{
    /// <summary>How much of a case log stays inline; the whole log goes to file storage past this.</summary>
    public const int InlineLogLimit = 4096;

    private const string Runs = "runs";
    private const string BoardRuns = "board_runs";
    private const string Results = "results";
    private const string Leases = "leases";

    /// <summary>LiteDB 5's page size: a data file is always a whole number of pages.</summary>
    private const int PageSize = 8192;

    private readonly LiteDatabase _db;
    private readonly TimeProvider _time;
    private readonly RunOwner _self;
    private volatile string? _hungWrite;

    /// <summary>A write failed for want of space: the file may end in part of a page (<see cref="TrimFailedPage"/>).</summary>
    private volatile bool _diskFull;

    /// <summary>
    /// Opens (creating if needed) the store at <paramref name="path"/> and ensures its indexes. With
    /// <paramref name="readOnly"/> the file is only read: a command that only reads never changes it, damaged or not.
    /// A file that is empty or not a LiteDB database is refused, never replaced.
    /// </summary>
    public LiteDbResultStore(string path, TimeProvider? time = null, RunOwner? self = null, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        _time = time ?? TimeProvider.System;
        _self = self ?? CurrentProcess();
        CheckHeader(Path);
        try
        {
            if (readOnly && !File.Exists(Path))
            {
                // Nothing recorded yet: an empty view, and no file is created by a command that only reads.
                _db = new LiteDatabase(":memory:");
                return;
            }

            if (!readOnly)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            }

            _db = readOnly
                ? OpenReadOnly()
                : new LiteDatabase(new ConnectionString { Filename = Path, Connection = ConnectionType.Shared });
            if (!readOnly)
            {
                EnsureIndexes();
            }
            else
            {
                // Reading the collection list walks the header and the collection pages: a damaged file fails here.
                _ = _db.GetCollectionNames().ToList();
            }
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException or InvalidCastException
                                       or IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidOperationException or OverflowException)
        {
            _db?.Dispose();
            throw new StoreException($"results store {Path}: cannot open: {Cause(ex)}", ex);
        }
    }

    /// <summary>The text every LiteDB 5 data file carries at byte 32 of its header page.</summary>
    private static ReadOnlySpan<byte> HeaderMark => "** This is a LiteDB file **"u8;

    /// <summary>The store file.</summary>
    public string Path { get; }

    /// <summary>This process as the owner of the runs and jobs it writes.</summary>
    public RunOwner Self => _self;

    /// <inheritdoc/>
    public RunRecord StartRun(RunTrigger trigger, string who, IReadOnlyList<string> boards, BuildInfo build) => Write("start a run", () => StartRunCore(trigger, who, boards, build));

    /// <inheritdoc/>
    public void UpdateBuild(string runId, BuildInfo build, string? buildLogId) => Write("record the build", () => UpdateBuildCore(runId, build, buildLogId));

    /// <inheritdoc/>
    public void UpsertBoardRun(BoardRunRecord boardRun) => Write("record a board run", () => UpsertBoardRunCore(boardRun));

    /// <inheritdoc/>
    public void AddResult(TestResultRecord result) => Write("record a result", () => AddResultCore(result));

    /// <inheritdoc/>
    public RunRecord FinishRun(string runId, string? note = null, TestStatus? atLeast = null) => Write("finish the run", () => FinishRunCore(runId, note, atLeast));

    /// <inheritdoc/>
    public IReadOnlyList<string> MarkAbandonedRuns(Func<RunOwner, bool> ownerAlive) => Write("mark abandoned runs", () => MarkAbandonedRunsCore(ownerAlive));

    /// <inheritdoc/>
    public string SaveLog(string name, string content) => Write("store a log", () => SaveLogCore(name, content));

    /// <inheritdoc/>
    public string? ReadLog(string id) => Do("read a log", () => ReadLogCore(id));

    /// <inheritdoc/>
    public RunRecord? GetRun(string runId) => Do("read a run", () => GetRunCore(runId));

    /// <inheritdoc/>
    public IReadOnlyList<RunRecord> ListRuns(RunQuery query) => Do("list runs", () => ListRunsCore(query));

    /// <inheritdoc/>
    public IReadOnlyList<BoardRunRecord> GetBoardRuns(string runId) => Do("read board runs", () => GetBoardRunsCore(runId));

    /// <inheritdoc/>
    public IReadOnlyList<TestResultRecord> GetResults(string runId, string? boardId = null) => Do("read results", () => GetResultsCore(runId, boardId));

    /// <inheritdoc/>
    public IReadOnlyList<TestResultRecord> GetHistory(string testId, string? boardId = null, int limit = 30) => Do("read a case history", () => GetHistoryCore(testId, boardId, limit));

    /// <inheritdoc/>
    public IReadOnlyList<BoardRunRecord> GetBoardRunsOf(string boardId, IReadOnlyList<string> runIds) => Do("read board runs", () =>
    {
        ArgumentNullException.ThrowIfNull(runIds);
        return runIds.Count == 0
            ? []
            : _db.GetCollection(BoardRuns).Find(Query.In("_id", runIds.Select(r => new BsonValue(BsonMapping.BoardRunId(r, boardId))).ToArray()))
                .Select(BsonMapping.ToBoardRun).ToList();
    });

    /// <inheritdoc/>
    public IReadOnlyList<TestResultRecord> GetCasesInRuns(IReadOnlyList<string> testIds, string boardId, IReadOnlyList<string> runIds) =>
        Do("read cases in runs", () => GetCasesInRunsCore(testIds, boardId, runIds));

    /// <inheritdoc/>
    public BoardLease? TryAcquireLease(string boardId, string holder, string? runId, TimeSpan ttl) => Write("take a lease", () => TryAcquireLeaseCore(boardId, holder, runId, ttl));

    /// <inheritdoc/>
    public bool RenewLease(string boardId, string holder, TimeSpan ttl) => Write("renew a lease", () => RenewLeaseCore(boardId, holder, ttl));

    /// <inheritdoc/>
    public void ReleaseLease(string boardId, string holder) => Write("release a lease", () => ReleaseLeaseCore(boardId, holder));

    /// <inheritdoc/>
    public IReadOnlyList<BoardLease> GetLeases() => Do("read leases", () => GetLeasesCore());

    /// <summary>
    /// Runs one store operation; an I/O or database failure (a full disk, a damaged file) becomes one
    /// <see cref="StoreException"/> naming the store file, the operation and the cause.
    /// </summary>
    private T Do<T>(string what, Func<T> operation)
    {
        try
        {
            if (_hungWrite is { } hung)
            {
                // The stuck write holds LiteDB's lock for good: a read would wait on it forever (seen after a full disk).
                throw new IOException("an earlier write never completed (" + hung + "); the store cannot be used by this process any more");
            }

            return operation();
        }
        catch (Exception e) when (e is IOException or LiteException or UnauthorizedAccessException or InvalidCastException
                                      or IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidOperationException or AggregateException)
        {
            throw new StoreException($"results store {Path}: cannot {what}: {Cause(e)}", e);
        }
    }

    private void Do(string what, Action operation) => Do(what, () =>
    {
        operation();
        return 0;
    });

    /// <summary>
    /// A store write: refused up front when the disk is nearly full (LiteDB 5 can block for good in its writer queue
    /// when a write fails with ENOSPC), and bounded in time all the same; either way one <see cref="StoreException"/>.
    /// </summary>
    private T Write<T>(string what, Func<T> operation)
    {
        try
        {
            return WriteCore(what, operation);
        }
        catch (StoreException e) when (e.Message.Contains("space left", StringComparison.OrdinalIgnoreCase))
        {
            _diskFull = true;
            throw;
        }
    }

    private T WriteCore<T>(string what, Func<T> operation) => Do(what, () =>
    {
        if (FreeBytes(Path) is { } free && free < MinFreeBytes)
        {
            throw new IOException($"no space left on device ({free / 1024} KiB free, a write needs {MinFreeBytes / 1024} KiB)");
        }

        var write = Task.Run(operation);
        try
        {
            if (!write.Wait(WriteLimit))
            {
                var cause = FreeBytes(Path) is { } left && left < MinFreeBytes
                    ? $"no space left on device ({left / 1024} KiB free): the write did not complete within {WriteLimit.TotalSeconds} s"
                    : $"the write did not complete within {WriteLimit.TotalSeconds} s (disk full or hung?)";
                // Every later operation names this cause: which of several writers' failures reaches the user is chance.
                _hungWrite = what + ": " + cause;
                throw new IOException(cause);
            }
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // The operation's own exception, as if it had run on this thread (a refused job move stays what it is).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException!).Throw();
        }

        return write.GetAwaiter().GetResult();
    });

    private void Write(string what, Action operation) => Write(what, () =>
    {
        operation();
        return 0;
    });

    /// <summary>Free bytes on the file system holding <paramref name="path"/> (the longest mount point above it); null when unknown.</summary>
    private static long? FreeBytes(string path)
    {
        try
        {
            var drive = DriveInfo.GetDrives()
                .Where(d => d.IsReady && path.StartsWith(d.RootDirectory.FullName, StringComparison.Ordinal))
                .MaxBy(d => d.RootDirectory.FullName.Length);
            return drive?.AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Cause(Exception e) => e switch
    {
        AggregateException { InnerException: { } inner } => Cause(inner),
        IOException { HResult: 28 } => "no space left on device",
        _ => e.Message,
    };

    /// <summary>
    /// Below this much free space a write is refused with ENOSPC rather than attempted: LiteDB 5 queues its page
    /// writes and, when one fails for space, finds out only while closing the file, silently (a result it had
    /// acknowledged is then missing). The floor keeps every acknowledged write clear of a full disk.
    /// </summary>
    private const long MinFreeBytes = 128 * 1024;

    /// <summary>The longest a write may take.</summary>
    private static readonly TimeSpan WriteLimit = TimeSpan.FromSeconds(60);

    private RunRecord StartRunCore(RunTrigger trigger, string who, IReadOnlyList<string> boards, BuildInfo build)
    {
        var now = _time.GetUtcNow();
        return InsertWithFreshId(Runs, 2,
            suffix => new RunRecord(now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + suffix, trigger, who, now, null,
                RunState.Running, null, StatusCounts.Empty, boards, build, _self),
            BsonMapping.ToBson);
    }

    /// <summary>
    /// Inserts a record whose id ends in <paramref name="randomBytes"/> random bytes (hex), drawn again while the id is
    /// taken: ids carry the second they were made in, and many runs or jobs can start in one second.
    /// </summary>
    private T InsertWithFreshId<T>(string collection, int randomBytes, Func<string, T> make, Func<T, BsonDocument> toBson)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = make(Convert.ToHexString(RandomNumberGenerator.GetBytes(randomBytes)).ToLowerInvariant());
            try
            {
                _db.GetCollection(collection).Insert(toBson(record));
                return record;
            }
            catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY && attempt < 8)
            {
                // Taken: draw again.
            }
        }
    }

    private void UpdateBuildCore(string runId, BuildInfo build, string? buildLogId) =>
        UpdateRun(runId, r => r with { Build = build, BuildLogId = buildLogId ?? r.BuildLogId });

    private void UpsertBoardRunCore(BoardRunRecord boardRun)
    {
        ArgumentNullException.ThrowIfNull(boardRun);
        _db.GetCollection(BoardRuns).Upsert(BsonMapping.ToBson(boardRun));
    }

    private void AddResultCore(TestResultRecord result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!_db.BeginTrans())
        {
            throw new StoreException("results store: a transaction is already open on this thread");
        }

        try
        {
            var runs = _db.GetCollection(Runs);
            var runDoc = runs.FindById(result.RunId) ??
                throw new StoreException($"results store: result for unknown run '{result.RunId}'");
            var boardRuns = _db.GetCollection(BoardRuns);
            var boardDoc = boardRuns.FindById(BsonMapping.BoardRunId(result.RunId, result.BoardId));
            var board = boardDoc is null ? null : BsonMapping.ToBoardRun(boardDoc);

            // A result carries the kernel that produced it: its board run's, once the board's build named it.
            _db.GetCollection(Results).Insert(BsonMapping.ToBson(Inline(result.Kernel is null && board?.Kernel is { } kernel ? result with { Kernel = kernel } : result)));
            var run = BsonMapping.ToRun(runDoc);
            var counts = run.Counts.Add(result.Status);
            runs.Update(BsonMapping.ToBson(run with { Counts = counts, Status = counts.Worst }));
            if (board is not null)
            {
                var boardCounts = board.Counts.Add(result.Status);
                boardRuns.Update(BsonMapping.ToBson(board with { Counts = boardCounts, Status = boardCounts.Worst }));
            }

            _db.Commit();
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }

    private RunRecord FinishRunCore(string runId, string? note = null, TestStatus? atLeast = null) =>
        UpdateRun(runId, r => r with
        {
            EndedAt = _time.GetUtcNow(), State = RunState.Completed, Note = note ?? r.Note,
            Status = atLeast is { } floor && (r.Status is null || r.Status < floor) ? floor : r.Status,
        });

    private IReadOnlyList<string> MarkAbandonedRunsCore(Func<RunOwner, bool> ownerAlive)
    {
        ArgumentNullException.ThrowIfNull(ownerAlive);
        var marked = new List<string>();
        var running = _db.GetCollection(Runs).Find(Query.EQ("state", RunState.Running.ToString())).Select(BsonMapping.ToRun).ToList();
        foreach (var run in running.Where(r => !ownerAlive(r.Owner)))
        {
            var lastResult = _db.GetCollection(Results).Find(Query.EQ("runId", run.Id))
                .Select(d => (DateTimeOffset?)BsonMapping.ToResult(d).RecordedAt).Max();
            var note = $"incomplete: writer pid {run.Owner.Pid} on {run.Owner.Host} ended without finishing the run; " +
                $"{run.Counts.Total} results were kept";
            // A run that did not finish never passes: what it did not run is missing.
            UpdateRun(run.Id, r => r with
            {
                State = RunState.Incomplete, EndedAt = lastResult ?? r.StartedAt, Note = note,
                Status = r.Status is null or < TestStatus.Miss ? TestStatus.Miss : r.Status,
            });
            var boards = _db.GetCollection(BoardRuns);
            foreach (var board in boards.Find(Query.EQ("runId", run.Id)).Select(BsonMapping.ToBoardRun).Where(b => b.EndedAt is null).ToList())
            {
                boards.Update(BsonMapping.ToBson(board with
                {
                    // "running" and "booted" claimed a live board; a health that already says what broke stays.
                    Health = board.Health is "running" or "booted" or "ok" ? "incomplete: the run's writer ended during the board's run" : board.Health,
                    EndedAt = lastResult ?? board.StartedAt,
                    Status = board.Status is null or < TestStatus.Miss ? TestStatus.Miss : board.Status,
                }));
            }

            marked.Add(run.Id);
        }

        // A lease taken for a run whose writer died is free at once rather than at its expiry.
        _db.GetCollection(Leases).DeleteMany(Query.In("runId", marked.Select(id => new BsonValue(id))));
        return marked;
    }

    private string SaveLogCore(string name, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = "log/" + Guid.NewGuid().ToString("N");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        _db.FileStorage.Upload(id, name, stream);
        return id;
    }

    private string? ReadLogCore(string id)
    {
        var file = _db.FileStorage.FindById(id);
        if (file is null)
        {
            return null;
        }

        using var stream = new MemoryStream();
        file.CopyTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private RunRecord? GetRunCore(string runId)
    {
        var doc = _db.GetCollection(Runs).FindById(runId);
        return doc is null ? null : BsonMapping.ToRun(doc);
    }

    private IReadOnlyList<RunRecord> ListRunsCore(RunQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = _db.GetCollection(Runs).Query();
        if (query.Trigger is { } trigger)
        {
            q = q.Where("$.trigger = @0", trigger.ToString());
        }

        if (query.BoardId is { } board)
        {
            q = q.Where("$.boards[*] ANY = @0", board);
        }

        if (query.Status is { } status)
        {
            q = q.Where("$.status = @0", (int)status);
        }

        if (query.From is { } from)
        {
            q = q.Where("$.startedAt >= @0", from.UtcDateTime);
        }

        if (query.To is { } to)
        {
            q = q.Where("$.startedAt < @0", to.UtcDateTime);
        }

        return q.OrderByDescending("$.startedAt").Skip(query.Skip).Limit(query.Limit).ToEnumerable()
            .Select(BsonMapping.ToRun).ToList();
    }

    private IReadOnlyList<BoardRunRecord> GetBoardRunsCore(string runId) =>
        _db.GetCollection(BoardRuns).Find(Query.EQ("runId", runId)).Select(BsonMapping.ToBoardRun)
            .OrderBy(b => b.BoardId, StringComparer.Ordinal).ToList();

    private IReadOnlyList<TestResultRecord> GetResultsCore(string runId, string? boardId = null)
    {
        var results = _db.GetCollection(Results).Find(Query.EQ("runId", runId)).Select(BsonMapping.ToResult);
        return (boardId is null ? results : results.Where(r => r.BoardId == boardId)).ToList();
    }

    private IReadOnlyList<TestResultRecord> GetHistoryCore(string testId, string? boardId = null, int limit = 30)
    {
        // Seek on the testId index (one case has one result per board per run: thousands at most), then order in
        // memory. Ordering the query by recordedAt instead makes LiteDB walk that index over every result.
        var results = _db.GetCollection(Results).Find(Query.EQ("testId", testId)).Select(BsonMapping.ToResult);
        if (boardId is not null)
        {
            results = results.Where(r => r.BoardId == boardId);
        }

        return results.OrderByDescending(r => r.RecordedAt).Take(limit).ToList();
    }

    private List<TestResultRecord> GetCasesInRunsCore(IReadOnlyList<string> testIds, string boardId, IReadOnlyList<string> runIds)
    {
        ArgumentNullException.ThrowIfNull(testIds);
        ArgumentNullException.ThrowIfNull(runIds);
        if (testIds.Count == 0 || runIds.Count == 0)
        {
            return [];
        }

        // One query: a query costs far more than an index seek in LiteDB (hundreds of queries took ~0.5 ms each).
        var keys = runIds.SelectMany(run => testIds.Select(test => new BsonValue(RunBoardTestKey(run, boardId, test)))).ToArray();
        return _db.GetCollection(Results).Find(Query.In(RunBoardTest, keys)).Select(BsonMapping.ToResult).ToList();
    }

    private BoardLease? TryAcquireLeaseCore(string boardId, string holder, string? runId, TimeSpan ttl)
    {
        var leases = _db.GetCollection(Leases);
        if (!_db.BeginTrans())
        {
            throw new StoreException("results store: a transaction is already open on this thread");
        }

        try
        {
            var now = _time.GetUtcNow();
            var current = leases.FindById(boardId);
            if (current is not null && BsonMapping.ToLease(current) is var held && held.ExpiresAt > now && held.Holder != holder)
            {
                _db.Rollback();
                return null;
            }

            var lease = new BoardLease(boardId, holder, runId, now, now + ttl);
            leases.Upsert(BsonMapping.ToBson(lease));
            _db.Commit();
            return lease;
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }

    private bool RenewLeaseCore(string boardId, string holder, TimeSpan ttl)
    {
        var leases = _db.GetCollection(Leases);
        var doc = leases.FindById(boardId);
        if (doc is null || BsonMapping.ToLease(doc) is not { } lease || lease.Holder != holder)
        {
            return false;
        }

        return leases.Update(BsonMapping.ToBson(lease with { ExpiresAt = _time.GetUtcNow() + ttl }));
    }

    private void ReleaseLeaseCore(string boardId, string holder)
    {
        var leases = _db.GetCollection(Leases);
        var doc = leases.FindById(boardId);
        if (doc is not null && BsonMapping.ToLease(doc).Holder == holder)
        {
            leases.Delete(boardId);
        }
    }

    private IReadOnlyList<BoardLease> GetLeasesCore()
    {
        var now = _time.GetUtcNow();
        return _db.GetCollection(Leases).FindAll().Select(BsonMapping.ToLease).Where(l => l.ExpiresAt > now).ToList();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // After a stuck write LiteDB's close would wait for it forever; the process is ending anyway. A write stuck
        // on a full disk may still have left half a page: cut it all the same (nothing of this process writes again).
        if (_hungWrite is not null)
        {
            if (_diskFull)
            {
                TrimFailedPage(Path);
            }
        }
        else
        {
            try
            {
                _db.Dispose();
            }
            finally
            {
                if (_diskFull)
                {
                    TrimFailedPage(Path);
                }
            }
        }
    }

    /// <summary>
    /// A page write that failed on a full disk leaves part of a page after the last whole one: nothing LiteDB
    /// acknowledged lives there, and readers refuse a file that is not whole pages. The writer that saw the disk fill
    /// cuts it back once LiteDB has closed the file (only then: another writer's page may be half written this moment).
    /// </summary>
    private static void TrimFailedPage(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            if (file.Length % PageSize != 0)
            {
                file.SetLength(file.Length - (file.Length % PageSize));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left as it is: a reader names it as damaged.
        }
    }

    /// <summary>
    /// A reader's view, in shared mode like a writer's (a reader sees what a running writer commits). A data file that
    /// is not a whole number of pages is refused first: LiteDB would cut it to whole pages on open, a write.
    /// </summary>
    private LiteDatabase OpenReadOnly()
    {
        if (new FileInfo(Path).Length % PageSize != 0)
        {
            throw new StoreException($"results store {Path}: the file is cut short ({new FileInfo(Path).Length} bytes, not whole {PageSize / 1024} KiB pages): damaged; it was not changed");
        }

        return new LiteDatabase(new ConnectionString { Filename = Path, Connection = ConnectionType.Shared, ReadOnly = true });
    }

    /// <summary>Refuses, before LiteDB touches it, a file that is empty, too short or not a LiteDB database.</summary>
    private static void CheckHeader(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return;
        }

        if (info.Length == 0)
        {
            throw new StoreException($"results store {path}: the file is empty (0 bytes), not a results store; refusing to replace it (move it away to start a new store)");
        }

        var head = new byte[64];
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"results store {path}: cannot read: {e.Message}", e);
        }

        if (read < 32 + HeaderMark.Length || !head.AsSpan(32, HeaderMark.Length).SequenceEqual(HeaderMark))
        {
            throw new StoreException($"results store {path}: not a LiteDB results store (no LiteDB header); refusing to open or replace it");
        }
    }

    private static RunOwner CurrentProcess()
    {
        using var p = System.Diagnostics.Process.GetCurrentProcess();
        return new RunOwner(Environment.MachineName, Environment.ProcessId, new DateTimeOffset(p.StartTime.ToUniversalTime()));
    }

    /// <summary>The index (and its expression) a (run, board, case) lookup seeks on: the trends page's figures.</summary>
    private const string RunBoardTest = "$.runId + '|' + $.boardId + '|' + $.testId";

    private static string RunBoardTestKey(string runId, string boardId, string testId) => runId + "|" + boardId + "|" + testId;

    private void EnsureIndexes()
    {
        var results = _db.GetCollection(Results);
        results.EnsureIndex("runId");
        results.EnsureIndex("testId");
        results.EnsureIndex("boardId");
        results.EnsureIndex("recordedAt");
        results.EnsureIndex("runBoardTest", RunBoardTest);
        var runs = _db.GetCollection(Runs);
        runs.EnsureIndex("startedAt");
        runs.EnsureIndex("state");
        runs.EnsureIndex("trigger");
        _db.GetCollection(BoardRuns).EnsureIndex("runId");
        _db.GetCollection(BoardRuns).EnsureIndex("boardId");
        _db.GetCollection(Jobs).EnsureIndex("state");
    }

    private RunRecord UpdateRun(string runId, Func<RunRecord, RunRecord> change)
    {
        var runs = _db.GetCollection(Runs);
        var doc = runs.FindById(runId) ?? throw new StoreException($"results store: no run '{runId}'");
        var updated = change(BsonMapping.ToRun(doc));
        runs.Update(BsonMapping.ToBson(updated));
        return updated;
    }

    private TestResultRecord Inline(TestResultRecord result)
    {
        if (result.LogExcerpt is not { Length: > InlineLogLimit } log)
        {
            return result;
        }

        // Inside the caller's write (its thread holds the transaction): the operation itself, not another bounded write.
        var id = SaveLogCore($"{result.RunId}/{result.BoardId}/{result.TestId}.log", log);
        return result with { LogExcerpt = string.Concat(log.AsSpan(0, InlineLogLimit), "\n[...cut; full log stored]"), LogId = id };
    }
}
