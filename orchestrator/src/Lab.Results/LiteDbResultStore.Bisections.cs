using JsonSerializer = System.Text.Json.JsonSerializer;
using LiteDB;
using Lab.Orchestrator.Core.Bisect;

namespace Lab.Results;

/// <summary>
/// Bisections, in the same file as the runs of their steps: one document each, its id, its start time (indexed
/// for the newest-first list) and the whole record as JSON, replaced after every step.
/// </summary>
public sealed partial class LiteDbResultStore
{
    private const string Bisections = "bisections";

    /// <inheritdoc/>
    public BisectionRecord StartBisection(BisectionRecord bisection)
    {
        ArgumentNullException.ThrowIfNull(bisection);
        var at = bisection.StartedAt.UtcDateTime;
        return Write("start a bisection", () =>
            InsertWithFreshId(Bisections, 2, suffix => bisection with { Id = $"b{at:yyyyMMdd-HHmmss}-{suffix}" }, ToBson));
    }

    /// <inheritdoc/>
    public void SaveBisection(BisectionRecord bisection)
    {
        ArgumentNullException.ThrowIfNull(bisection);
        Write("record a bisection step", () => _db.GetCollection(Bisections).Upsert(ToBson(bisection)));
    }

    /// <inheritdoc/>
    public BisectionRecord? GetBisection(string id) =>
        Do("read a bisection", () => _db.GetCollection(Bisections).FindById(id) is { } d ? FromBisectionBson(d) : null);

    /// <inheritdoc/>
    public IReadOnlyList<BisectionRecord> ListBisections(int limit = 50) => Do("list bisections", () =>
        (IReadOnlyList<BisectionRecord>)_db.GetCollection(Bisections).Query().OrderByDescending("startedAt").Limit(limit).ToEnumerable()
            .Select(FromBisectionBson).ToList());

    private static BsonDocument ToBson(BisectionRecord b) => new()
    {
        ["_id"] = b.Id,
        ["startedAt"] = b.StartedAt.UtcDateTime,
        ["json"] = JsonSerializer.Serialize(b, JobJson.Default.BisectionRecord),
    };

    private static BisectionRecord FromBisectionBson(BsonDocument doc) =>
        JsonSerializer.Deserialize(doc["json"].AsString, JobJson.Default.BisectionRecord) ?? throw new InvalidDataException($"bisection {doc["_id"]} is empty");
}
