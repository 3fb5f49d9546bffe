using LiteDB;
using Lab.Orchestrator.Core.Results;

namespace Lab.Results;

/// <summary>
/// Explicit mapping between the results model and BSON. Written by hand so the stored shape is a contract
/// that does not move when a record gains a property, and so LiteDB's reflection mapper is not needed.
/// </summary>
internal static class BsonMapping
{
    public static BsonDocument ToBson(RunRecord r) => new()
    {
        ["_id"] = r.Id,
        ["trigger"] = r.Trigger.ToString(),
        ["who"] = r.Who,
        ["startedAt"] = r.StartedAt.UtcDateTime,
        ["endedAt"] = r.EndedAt is { } e ? e.UtcDateTime : BsonValue.Null,
        ["state"] = r.State.ToString(),
        ["status"] = r.Status is { } s ? (int)s : BsonValue.Null,
        ["counts"] = ToBson(r.Counts),
        ["boards"] = new BsonArray(r.Boards.Select(b => new BsonValue(b))),
        ["build"] = ToBson(r.Build),
        ["owner"] = new BsonDocument
        {
            ["host"] = r.Owner.Host,
            ["pid"] = r.Owner.Pid,
            ["processStartedAt"] = r.Owner.ProcessStartedAt.UtcDateTime,
        },
        ["buildLogId"] = r.BuildLogId,
        ["note"] = r.Note,
    };

    public static RunRecord ToRun(BsonDocument d)
    {
        var owner = d["owner"].AsDocument;
        return new RunRecord(
            d["_id"].AsString,
            Enum.Parse<RunTrigger>(d["trigger"].AsString),
            d["who"].AsString,
            Time(d["startedAt"]),
            d["endedAt"].IsNull ? null : Time(d["endedAt"]),
            Enum.Parse<RunState>(d["state"].AsString),
            d["status"].IsNull ? null : (TestStatus)d["status"].AsInt32,
            ToCounts(d["counts"].AsDocument),
            d["boards"].AsArray.Select(b => b.AsString).ToList(),
            ToBuild(d["build"].AsDocument),
            new RunOwner(owner["host"].AsString, owner["pid"].AsInt32, Time(owner["processStartedAt"])),
            NullableString(d["buildLogId"]),
            NullableString(d["note"]));
    }

    public static BsonDocument ToBson(BoardRunRecord b) => new()
    {
        ["_id"] = BoardRunId(b.RunId, b.BoardId),
        ["runId"] = b.RunId,
        ["boardId"] = b.BoardId,
        ["attempts"] = b.Attempts,
        ["health"] = b.Health,
        ["status"] = b.Status is { } s ? (int)s : BsonValue.Null,
        ["startedAt"] = b.StartedAt.UtcDateTime,
        ["endedAt"] = b.EndedAt is { } e ? e.UtcDateTime : BsonValue.Null,
        ["counts"] = ToBson(b.Counts),
        ["consoleLogId"] = b.ConsoleLogId,
        ["dmesgLogId"] = b.DmesgLogId,
        ["kernel"] = b.Kernel,
    };

    public static BoardRunRecord ToBoardRun(BsonDocument d) => new(
        d["runId"].AsString,
        d["boardId"].AsString,
        d["attempts"].AsInt32,
        d["health"].AsString,
        d["status"].IsNull ? null : (TestStatus)d["status"].AsInt32,
        Time(d["startedAt"]),
        d["endedAt"].IsNull ? null : Time(d["endedAt"]),
        ToCounts(d["counts"].AsDocument),
        NullableString(d["consoleLogId"]),
        NullableString(d["dmesgLogId"]),
        NullableString(d["kernel"]));

    public static BsonDocument ToBson(TestResultRecord t) => new()
    {
        ["runId"] = t.RunId,
        ["boardId"] = t.BoardId,
        ["testId"] = t.TestId,
        ["status"] = (int)t.Status,
        ["durationMs"] = t.Duration.TotalMilliseconds,
        ["recordedAt"] = t.RecordedAt.UtcDateTime,
        ["reason"] = t.Reason,
        ["errno"] = t.Errno is { } e ? e : BsonValue.Null,
        ["errnoName"] = t.ErrnoName,
        ["measurements"] = new BsonArray((t.Measurements ?? []).Select(m => (BsonValue)new BsonDocument
        {
            ["name"] = m.Name,
            ["value"] = m.Value,
            ["unit"] = m.Unit,
        })),
        ["logExcerpt"] = t.LogExcerpt,
        ["dmesg"] = new BsonArray((t.Dmesg ?? []).Select(l => new BsonValue(l))),
        ["logId"] = t.LogId,
        ["kernel"] = t.Kernel,
    };

    public static TestResultRecord ToResult(BsonDocument d) => new(
        d["runId"].AsString,
        d["boardId"].AsString,
        d["testId"].AsString,
        (TestStatus)d["status"].AsInt32,
        TimeSpan.FromMilliseconds(d["durationMs"].AsDouble),
        Time(d["recordedAt"]),
        NullableString(d["reason"]),
        d["errno"].IsNull ? null : d["errno"].AsInt32,
        NullableString(d["errnoName"]),
        d["measurements"].AsArray
            .Select(m => new Measurement(m["name"].AsString, m["value"].AsDouble, m["unit"].AsString)).ToList(),
        NullableString(d["logExcerpt"]),
        d["dmesg"].AsArray.Select(l => l.AsString).ToList(),
        NullableString(d["logId"]),
        NullableString(d["kernel"]));

    public static BsonDocument ToBson(BoardLease l) => new()
    {
        ["_id"] = l.BoardId,
        ["holder"] = l.Holder,
        ["runId"] = l.RunId,
        ["acquiredAt"] = l.AcquiredAt.UtcDateTime,
        ["expiresAt"] = l.ExpiresAt.UtcDateTime,
    };

    public static BoardLease ToLease(BsonDocument d) => new(
        d["_id"].AsString, d["holder"].AsString, NullableString(d["runId"]), Time(d["acquiredAt"]), Time(d["expiresAt"]));

    public static string BoardRunId(string runId, string boardId) => runId + "/" + boardId;

    private static BsonDocument ToBson(StatusCounts c) => new()
    {
        ["fail"] = c.Fail,
        ["error"] = c.Error,
        ["miss"] = c.Miss,
        ["pass"] = c.Pass,
        ["done"] = c.Done,
        ["skip"] = c.Skip,
    };

    private static StatusCounts ToCounts(BsonDocument d) => new(
        d["fail"].AsInt32, d["error"].AsInt32, d["miss"].AsInt32, d["pass"].AsInt32, d["done"].AsInt32, d["skip"].AsInt32);

    private static BsonDocument ToBson(BuildInfo b) => new()
    {
        ["labJsonHash"] = b.LabJsonHash,
        ["kernelVersion"] = b.KernelVersion,
        ["kernelSource"] = b.KernelSource,
        ["patchQueueHash"] = b.PatchQueueHash,
        ["moduleBuildHash"] = b.ModuleBuildHash,
        ["agentBuildHash"] = b.AgentBuildHash,
    };

    private static BuildInfo ToBuild(BsonDocument d) => new(
        d["labJsonHash"].AsString,
        NullableString(d["kernelVersion"]),
        NullableString(d["kernelSource"]),
        NullableString(d["patchQueueHash"]),
        NullableString(d["moduleBuildHash"]),
        NullableString(d["agentBuildHash"]));

    // LiteDB stores DateTime as UTC milliseconds; hand back UTC offsets.
    private static DateTimeOffset Time(BsonValue v) => new(DateTime.SpecifyKind(v.AsDateTime.ToUniversalTime(), DateTimeKind.Utc));

    private static string? NullableString(BsonValue v) => v.IsNull ? null : v.AsString;
}
