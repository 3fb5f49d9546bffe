using JsonSerializer = System.Text.Json.JsonSerializer;
using LiteDB;
using Lab.Orchestrator.Core.Jobs;
using Lab.Orchestrator.Core.Results;

namespace Lab.Results;

/// <summary>
/// The job queue and the boards' health, in the same file as the results. A job is one document: its id, its
/// state (indexed) and the whole job as JSON; every change runs in one transaction, so <c>lab submit</c>,
/// <c>lab cancel</c> and the service may change the queue from different processes.
/// </summary>
public sealed partial class LiteDbResultStore
{
    private const string Jobs = "jobs";
    private const string Health = "board_health";

    /// <inheritdoc/>
    public Job SubmitJob(JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var now = _time.GetUtcNow();
        return Write("queue a job", () => InsertWithFreshId(Jobs, 3, suffix => new Job($"j{now:yyyyMMdd-HHmmss}-{suffix}", spec, JobState.Queued, now), ToBson));
    }

    /// <inheritdoc/>
    public Job? GetJob(string id) => Do("read a job", () => _db.GetCollection(Jobs).FindById(id) is { } d ? FromBson(d) : null);

    /// <inheritdoc/>
    public IReadOnlyList<Job> ListJobs(int ended = 50) => Do("list jobs", () =>
    {
        var jobs = _db.GetCollection(Jobs);
        var open = jobs.Find(Query.Or(Query.EQ("state", nameof(JobState.Queued)), Query.EQ("state", nameof(JobState.Running))))
            .Select(FromBson).OrderByDescending(j => j.SubmittedAt).ToList();
        if (ended > 0)
        {
            open.AddRange(jobs.Find(Query.And(Query.Not("state", nameof(JobState.Queued)), Query.Not("state", nameof(JobState.Running))))
                .Select(FromBson).OrderByDescending(j => j.EndedAt ?? j.SubmittedAt).Take(ended));
        }

        return (IReadOnlyList<Job>)open;
    });

    /// <inheritdoc/>
    public Job? TryStartJob(string id, RunOwner worker) => Change("start a job", id, job =>
        job.State != JobState.Queued || job.CancelRequested
            ? null
            : job with
            {
                State = JobState.Running, Worker = worker, Attempts = job.Attempts + 1, StartedAt = _time.GetUtcNow(), Progress = "starting",
            });

    /// <inheritdoc/>
    public void UpdateJob(string id, string? runId, string? progress) => Change("update a job", id, job => job.Ended ? null : job with
    {
        RunIds = runId is null || job.RunIds.Contains(runId) ? job.RunIds : [.. job.RunIds, runId],
        Progress = progress ?? job.Progress,
    });

    /// <inheritdoc/>
    public Job FinishJob(string id, JobState state, int? exitCode, string? note) =>
        Change("end a job", id, job =>
        {
            if (!JobTransitions.Allowed(job.State, state))
            {
                throw new JobTransitionException($"job {id} cannot go from {job.State} to {state}");
            }

            return state == JobState.Queued && !job.CancelRequested
                ? job with { State = state, Worker = null, Progress = null, Note = note }
                : state == JobState.Queued
                    ? job with { State = JobState.Cancelled, EndedAt = _time.GetUtcNow(), Progress = null, Note = "cancelled (it was stopping when the service stopped)" }
                    : job with { State = state, EndedAt = _time.GetUtcNow(), ExitCode = exitCode, Note = note, Progress = null };
        }) ?? throw new JobTransitionException($"no job {id}");

    /// <inheritdoc/>
    public Job? CancelJob(string id) => Do("cancel a job", () =>
    {
        Job? result = null;
        var changed = Change("cancel a job", id, job =>
        {
            result = job;
            return job.State switch
            {
                JobState.Queued => job with { State = JobState.Cancelled, CancelRequested = true, EndedAt = _time.GetUtcNow(), Note = "cancelled in the queue" },
                JobState.Running when !job.CancelRequested => job with { CancelRequested = true },
                _ => null,
            };
        });
        return changed ?? result;
    });

    /// <inheritdoc/>
    public IReadOnlyList<Job> RecoverJobs(Func<RunOwner, bool> workerAlive)
    {
        ArgumentNullException.ThrowIfNull(workerAlive);
        var running = Do("list jobs", () => _db.GetCollection(Jobs).Find(Query.EQ("state", nameof(JobState.Running))).Select(FromBson).ToList());
        var changed = new List<Job>();
        foreach (var dead in running.Where(j => j.Worker is not { } w || !workerAlive(w)))
        {
            var job = Change("recover a job", dead.Id, j => j.State != JobState.Running ? null
                : j.CancelRequested ? j with { State = JobState.Cancelled, EndedAt = _time.GetUtcNow(), Progress = null, Note = "cancelled (its worker died while it was stopping)" }
                : j.Attempts < 2
                ? j with { State = JobState.Queued, Worker = null, Progress = null, Note = $"its worker (pid {j.Worker?.Pid}) died: queued again" }
                : j with
                {
                    State = JobState.Incomplete, EndedAt = _time.GetUtcNow(), Progress = null,
                    Note = $"its worker died on attempt {j.Attempts}: not tried again; the results recorded are kept",
                });
            if (job is not null)
            {
                changed.Add(job);
            }
        }

        return changed;
    }

    /// <inheritdoc/>
    public DateTimeOffset? LastNightlySlot() => Do("read the nightly slot", () =>
        _db.GetCollection(Jobs).Find(Query.Not("nightlySlot", BsonValue.Null)).Select(d => (DateTimeOffset?)new DateTimeOffset(d["nightlySlot"].AsDateTime.ToUniversalTime())).Max());

    /// <inheritdoc/>
    public IReadOnlyList<BoardHealth> GetBoardHealth() => Do("read board health", () =>
        (IReadOnlyList<BoardHealth>)_db.GetCollection(Health).FindAll().Select(d => JsonSerializer.Deserialize(d["json"].AsString, JobJson.Default.BoardHealth)!).ToList());

    /// <inheritdoc/>
    public void SaveBoardHealth(BoardHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        Write("record board health", () => _db.GetCollection(Health).Upsert(new BsonDocument
        {
            ["_id"] = health.BoardId,
            ["json"] = JsonSerializer.Serialize(health, JobJson.Default.BoardHealth),
        }));
    }

    /// <summary>Reads, changes and writes one job in a transaction; <paramref name="change"/> returns null to leave it as it is.</summary>
    private Job? Change(string what, string id, Func<Job, Job?> change) => Write(what, () =>
    {
        if (!_db.BeginTrans())
        {
            throw new InvalidOperationException("a transaction is already open on this thread");
        }

        try
        {
            var jobs = _db.GetCollection(Jobs);
            if (jobs.FindById(id) is not { } doc || change(FromBson(doc)) is not { } changed)
            {
                _db.Rollback();
                return null;
            }

            jobs.Update(ToBson(changed));
            _db.Commit();
            return changed;
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    });

    private static BsonDocument ToBson(Job job) => new()
    {
        ["_id"] = job.Id,
        ["state"] = job.State.ToString(),
        ["submittedAt"] = job.SubmittedAt.UtcDateTime,
        ["nightlySlot"] = job.Spec.NightlySlot is { } slot ? slot.UtcDateTime : BsonValue.Null,
        ["json"] = JsonSerializer.Serialize(job, JobJson.Default.Job),
    };

    private static Job FromBson(BsonDocument doc) =>
        JsonSerializer.Deserialize(doc["json"].AsString, JobJson.Default.Job) ?? throw new InvalidDataException($"job {doc["_id"]} is empty");
}
