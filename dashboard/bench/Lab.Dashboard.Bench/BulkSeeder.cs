using System.Globalization;
using LiteDB;

namespace Lab.Dashboard.Bench;

/// <summary>
/// Writes nightly runs straight into LiteDB with bulk inserts, in the document shape of Lab.Results' BsonMapping
/// (field names copied from it), so a million results take seconds instead of a million store transactions.
/// </summary>
internal static class BulkSeeder
{
    public static readonly DateTime Start = new(2025, 3, 1, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>The run ids <see cref="Seed"/> gives <paramref name="nights"/> nights.</summary>
    public static IReadOnlyList<string> RunIds(int nights) => Enumerable.Range(0, nights).Select(RunId).ToList();

    private static string RunId(int night) =>
        Start.AddDays(night).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + night.ToString("x4", CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> Seed(string path, int nights, int boards, int cases)
    {
        var runIds = new List<string>(nights);
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        var runs = db.GetCollection("runs");
        var boardRuns = db.GetCollection("board_runs");
        var results = db.GetCollection("results");
        var boardIds = Enumerable.Range(0, boards).Select(b => "board" + b.ToString(CultureInfo.InvariantCulture)).ToList();
        var caseIds = Enumerable.Range(0, cases).Select(c => $"vfio.suite{c % 17}.case{c:D4}").ToList();
        var batch = new List<BsonDocument>(boards * cases);
        for (var night = 0; night < nights; night++)
        {
            var started = Start.AddDays(night);
            var runId = RunId(night);
            runIds.Add(runId);
            var runCounts = new int[6];
            batch.Clear();
            foreach (var board in boardIds)
            {
                var counts = new int[6];
                var at = started;
                for (var c = 0; c < cases; c++)
                {
                    var status = Status(night, board.Length + boardIds.IndexOf(board), c);
                    counts[status]++;
                    at = at.AddMilliseconds(250);
                    var stress = c % 100 == 7;
                    batch.Add(new BsonDocument
                    {
                        ["runId"] = runId,
                        ["boardId"] = board,
                        ["testId"] = caseIds[c],
                        ["status"] = status,
                        ["durationMs"] = 250.0,
                        ["recordedAt"] = at,
                        ["reason"] = status == 5 ? "VFIO_DEVICE_SET_IRQS returned -1" : BsonValue.Null,
                        ["errno"] = status == 5 ? 22 : BsonValue.Null,
                        ["errnoName"] = status == 5 ? "EINVAL" : BsonValue.Null,
                        ["measurements"] = stress
                            ? new BsonArray(new BsonValue[] { new BsonDocument { ["name"] = "dma_read", ["value"] = 800.0 + night, ["unit"] = "MB/s" } })
                            : [],
                        ["logExcerpt"] = "# " + caseIds[c] + "\nok 1\n",
                        ["dmesg"] = new BsonArray(),
                        ["logId"] = BsonValue.Null,
                    });
                }

                for (var i = 0; i < 6; i++)
                {
                    runCounts[i] += counts[i];
                }

                boardRuns.Insert(new BsonDocument
                {
                    ["_id"] = runId + "/" + board,
                    ["runId"] = runId,
                    ["boardId"] = board,
                    ["attempts"] = 1,
                    ["health"] = "ok",
                    ["status"] = Worst(counts),
                    ["startedAt"] = started,
                    ["endedAt"] = at,
                    ["counts"] = Counts(counts),
                    ["consoleLogId"] = BsonValue.Null,
                    ["dmesgLogId"] = BsonValue.Null,
                });
            }

            results.InsertBulk(batch, batchSize: 10000);
            runs.Insert(new BsonDocument
            {
                ["_id"] = runId,
                ["trigger"] = "Nightly",
                ["who"] = "nightly",
                ["startedAt"] = started,
                ["endedAt"] = started.AddHours(1),
                ["state"] = "Completed",
                ["status"] = Worst(runCounts),
                ["counts"] = Counts(runCounts),
                ["boards"] = new BsonArray(boardIds.Select(b => new BsonValue(b))),
                ["build"] = new BsonDocument
                {
                    ["labJsonHash"] = "lab" + night.ToString(CultureInfo.InvariantCulture),
                    ["kernelVersion"] = "6.1.0-" + (night / 30).ToString(CultureInfo.InvariantCulture) + "-arm64",
                    ["kernelSource"] = BsonValue.Null,
                    ["patchQueueHash"] = "pq" + (night / 7).ToString(CultureInfo.InvariantCulture),
                    ["moduleBuildHash"] = "ko" + night.ToString(CultureInfo.InvariantCulture),
                    ["agentBuildHash"] = "agent",
                },
                ["owner"] = new BsonDocument { ["host"] = "labhost", ["pid"] = 1, ["processStartedAt"] = started },
                ["buildLogId"] = BsonValue.Null,
                ["note"] = BsonValue.Null,
            });
        }

        return runIds;
    }

    // Mostly PASS; a few SKIPs; cases that regress late, cases that flip every other night.
    private static int Status(int night, int board, int c) =>
        c % 50 == 3 ? 0
        : c % 97 == 5 && (night + board) % 2 == 1 ? 5
        : c % 131 == 9 && night > 360 - (board * 3) ? 5
        : 2;

    private static int? Worst(int[] counts)
    {
        // KCIDB priority: the numeric value grows with severity (Lab.Orchestrator.Core.Results.TestStatus).
        for (var s = 5; s >= 0; s--)
        {
            if (counts[s] > 0)
            {
                return s;
            }
        }

        return null;
    }

    private static BsonDocument Counts(int[] c) => new()
    {
        ["fail"] = c[5],
        ["error"] = c[4],
        ["miss"] = c[3],
        ["pass"] = c[2],
        ["done"] = c[1],
        ["skip"] = c[0],
    };
}
