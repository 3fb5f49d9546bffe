using Lab.Orchestrator.Core.Jobs;
using Lab.Orchestrator.Core.Results;
using Lab.Results;
using Microsoft.Extensions.Time.Testing;

namespace Lab.Orchestrator.Core.Tests.Jobs;

/// <summary>The scheduler over a real LiteDB store, a fake clock and a runner the test drives.</summary>
public sealed class JobSchedulerTests
{
    private static readonly RunOwner _self = new(Environment.MachineName, Environment.ProcessId, DateTimeOffset.UnixEpoch);
    private string _dir = null!;
    private FakeTimeProvider _time = null!;
    private LiteDbResultStore _store = null!;
    private ScriptedRunner _runner = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("lab-jobs-").FullName;
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
        _store = new LiteDbResultStore(Path.Combine(_dir, "results.db"), _time);
        _runner = new ScriptedRunner();
    }

    [TearDown]
    public void TearDown()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private JobScheduler Scheduler(int parallel = 2, NightlySchedule? nightly = null, IReadOnlyList<string>? nightlyBoards = null, Func<RunOwner, bool>? alive = null) =>
        new(_store, _runner, null, new SchedulerOptions
        {
            MaxParallelBoards = parallel,
            Nightly = nightly,
            NightlyBoards = nightlyBoards ?? [],
            Self = _self,
            WorkerAlive = alive ?? (_ => true),
            Leases = _store.GetLeases,
        }, _time);

    private Job Submit(string board, JobPriority priority = JobPriority.Normal)
    {
        var job = _store.SubmitJob(new JobSpec([board], "vfio.*", RunTrigger.Manual, "alice", priority));
        _time.Advance(TimeSpan.FromSeconds(1));
        return job;
    }

    private void Healthy(params string[] boards)
    {
        foreach (var b in boards)
        {
            _store.SaveBoardHealth(new BoardHealth(b, BoardCondition.Good, _time.GetUtcNow(), 0, null));
        }
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            Assert.That(limit.IsCancellationRequested, Is.False, "timed out waiting until " + what);
            await Task.Delay(10);
        }
    }

    /// <summary>Ticks until nothing more happens (a check is queued on one tick and starts on the next).</summary>
    private static async Task SettleAsync(JobScheduler scheduler)
    {
        for (var i = 0; i < 5; i++)
        {
            scheduler.Tick();
            await scheduler.DrainAsync(CancellationToken.None);
        }
    }

    [Test]
    public async Task Two_jobs_on_one_board_run_one_after_the_other()
    {
        Healthy("a");
        var first = Submit("a");
        var second = Submit("a");
        var scheduler = Scheduler();

        scheduler.Tick();
        await UntilAsync(() => _runner.Started.Count == 1, "the first job starts");
        scheduler.Tick();
        Assert.That(_store.GetJob(second.Id)!.State, Is.EqualTo(JobState.Queued), "the board is busy");
        Assert.That(scheduler.Waiting[second.Id], Does.Contain("a (in use)"));

        _runner.Release(first.Id);
        await UntilAsync(() => _store.GetJob(first.Id)!.Ended && scheduler.Running == 0, "the first job ends");
        scheduler.Tick();
        _runner.Release(second.Id);
        await scheduler.DrainAsync(CancellationToken.None);

        Assert.That(_runner.Started, Is.EqualTo(new[] { first.Id, second.Id }));
        Assert.That(_runner.MaxAtOnce, Is.EqualTo(1));
        var done = _store.GetJob(second.Id)!;
        Assert.That(done.State, Is.EqualTo(JobState.Done));
        Assert.That(done.RunIds, Is.EqualTo(new[] { "run-" + second.Id }));
        Assert.That(done.ExitCode, Is.Zero);
    }

    [Test]
    public async Task Jobs_on_two_boards_run_at_the_same_time()
    {
        Healthy("a", "b");
        var a = Submit("a");
        var b = Submit("b");
        var scheduler = Scheduler(parallel: 2);

        scheduler.Tick();
        await UntilAsync(() => _runner.Started.Count == 2, "both start");
        Assert.That(_store.ListJobs(0).Count(j => j.State == JobState.Running), Is.EqualTo(2));
        _runner.Release(a.Id);
        _runner.Release(b.Id);
        await scheduler.DrainAsync(CancellationToken.None);
        Assert.That(_runner.MaxAtOnce, Is.EqualTo(2));
    }

    [Test]
    public async Task Cancel_stops_a_running_job_and_removes_a_queued_one()
    {
        Healthy("a");
        var running = Submit("a");
        var queued = Submit("a");
        var scheduler = Scheduler();
        scheduler.Tick();
        await UntilAsync(() => _runner.Started.Count == 1, "the job starts");

        Assert.That(_store.CancelJob(queued.Id)!.State, Is.EqualTo(JobState.Cancelled));
        Assert.That(_store.CancelJob(running.Id)!.CancelRequested, Is.True);
        scheduler.Tick();
        await scheduler.DrainAsync(CancellationToken.None);

        var stopped = _store.GetJob(running.Id)!;
        Assert.That(stopped.State, Is.EqualTo(JobState.Cancelled));
        Assert.That(stopped.RunIds, Is.Not.Empty, "its run is kept");
        Assert.That(_runner.Started, Is.EqualTo(new[] { running.Id }), "the cancelled queued job never ran");
        Assert.That(_store.CancelJob("no-such-job"), Is.Null);
    }

    [Test]
    public async Task The_nightly_cron_fires_at_its_time_one_job_per_board()
    {
        Healthy("a", "b");
        _runner.Instant = true;
        var scheduler = Scheduler(nightly: new NightlySchedule("0 2 * * *"), nightlyBoards: ["a", "b"]);
        scheduler.Tick();
        Assert.That(_store.ListJobs(), Is.Empty, "01:00: nothing yet");

        _time.Advance(TimeSpan.FromHours(1));
        Healthy("a", "b");
        scheduler.Tick();
        await scheduler.DrainAsync(CancellationToken.None);
        scheduler.Tick();
        var nightly = _store.ListJobs().Where(j => j.Spec.Trigger == RunTrigger.Nightly).ToList();
        Assert.That(nightly.Select(j => j.Spec.Boards.Single()), Is.EquivalentTo(new[] { "a", "b" }));
        Assert.That(nightly.Select(j => j.Spec.NightlySlot), Has.All.EqualTo(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero)));
        Assert.That(nightly.Select(j => j.State), Has.All.EqualTo(JobState.Done));
    }

    [Test]
    public async Task A_job_whose_worker_died_is_queued_again_once_then_marked_incomplete()
    {
        Healthy("a");
        var job = Submit("a");
        var dead = new RunOwner(Environment.MachineName, 999_999, DateTimeOffset.UnixEpoch);
        Assert.That(_store.TryStartJob(job.Id, dead), Is.Not.Null);
        _store.UpdateJob(job.Id, "run-1", "[a] case 3 of 180");

        var restarted = Scheduler(alive: o => o != dead);
        Assert.That(restarted.Recover().Single().State, Is.EqualTo(JobState.Queued));
        Assert.That(_store.TryStartJob(job.Id, dead)!.Attempts, Is.EqualTo(2));
        var again = restarted.Recover().Single();
        Assert.That(again.State, Is.EqualTo(JobState.Incomplete));
        Assert.That(again.RunIds, Is.EqualTo(new[] { "run-1" }), "its partial run is kept");
        Assert.That(restarted.Recover(), Is.Empty);
        await Task.CompletedTask;
    }

    [Test]
    public async Task Queued_jobs_survive_a_restart_of_the_store()
    {
        var job = Submit("a", JobPriority.High);
        _store.Dispose();
        _store = new LiteDbResultStore(Path.Combine(_dir, "results.db"), _time);
        var back = _store.GetJob(job.Id)!;
        Assert.That(back.State, Is.EqualTo(JobState.Queued));
        Assert.That(back.Spec, Is.EqualTo(job.Spec).Using<JobSpec>((x, y) => x.Boards.SequenceEqual(y.Boards) && x.Cases == y.Cases && x.Who == y.Who && x.Priority == y.Priority));
        await Task.CompletedTask;
    }

    [Test]
    public async Task Stopping_the_service_stops_running_jobs_and_queues_them_again()
    {
        Healthy("a");
        var job = Submit("a");
        var scheduler = Scheduler();
        using var stop = new CancellationTokenSource();
        var loop = scheduler.RunAsync(stop.Token);
        await UntilAsync(() => _runner.Started.Count == 1, "the job starts");
        await stop.CancelAsync();
        await loop;
        var back = _store.GetJob(job.Id)!;
        Assert.That(back.State, Is.EqualTo(JobState.Queued));
        Assert.That(back.Note, Does.Contain("queued again"));
    }

    [Test]
    public void A_job_being_cancelled_when_its_worker_stops_or_dies_ends_cancelled_not_queued()
    {
        var stopping = Submit("a");
        var dying = Submit("b");
        Assert.That(_store.TryStartJob(stopping.Id, _self), Is.Not.Null);
        Assert.That(_store.TryStartJob(dying.Id, new RunOwner("h", 1, DateTimeOffset.UnixEpoch)), Is.Not.Null);
        _store.CancelJob(stopping.Id);
        _store.CancelJob(dying.Id);

        Assert.That(_store.FinishJob(stopping.Id, JobState.Queued, null, "service stopped").State, Is.EqualTo(JobState.Cancelled));
        Assert.That(_store.RecoverJobs(o => o.Host != "h").Single().State, Is.EqualTo(JobState.Cancelled));
    }

    [Test]
    public async Task A_board_is_checked_before_its_first_job_and_two_failed_checks_make_it_bad()
    {
        var job = Submit("a");
        _runner.HealthExit = 3;
        var scheduler = Scheduler();
        for (var i = 0; i < 6; i++)
        {
            scheduler.Tick();
            await scheduler.DrainAsync(CancellationToken.None);
        }

        Assert.That(_runner.Started, Is.EqualTo(new[] { "check:a", "check:a" }), "checked twice, then left alone");
        Assert.That(_store.GetBoardHealth().Single().Condition, Is.EqualTo(BoardCondition.Bad));
        Assert.That(_store.GetJob(job.Id)!.State, Is.EqualTo(JobState.Queued));
        Assert.That(scheduler.Waiting[job.Id], Does.Contain("Bad"));

        _runner.HealthExit = 0;
        _store.SaveBoardHealth(new BoardHealth("a", BoardCondition.NeedsCheck, null, 0, "reset"));
        _runner.Release(job.Id);
        await SettleAsync(scheduler);
        Assert.That(_runner.Started.TakeLast(2), Is.EqualTo(new[] { "check:a", job.Id }));
        Assert.That(_store.GetJob(job.Id)!.State, Is.EqualTo(JobState.Done));
    }

    [Test]
    public async Task An_infrastructure_failure_has_the_board_checked_before_its_next_job()
    {
        Healthy("a");
        _runner.Instant = true;
        _runner.Trouble = ["a"];
        Submit("a");
        var scheduler = Scheduler();
        scheduler.Tick();
        await scheduler.DrainAsync(CancellationToken.None);
        Assert.That(_store.GetBoardHealth().Single().Condition, Is.EqualTo(BoardCondition.NeedsCheck));

        _runner.Trouble = [];
        var next = Submit("a");
        await SettleAsync(scheduler);
        Assert.That(_runner.Started.Skip(1), Is.EqualTo(new[] { "check:a", next.Id }));
    }

    [Test]
    public async Task A_board_leased_by_a_direct_run_waits_until_the_lease_expires()
    {
        Healthy("a");
        _runner.Instant = true;
        Assert.That(_store.TryAcquireLease("a", "lab run by bob (pid 1)", null, TimeSpan.FromMinutes(2)), Is.Not.Null);
        var job = Submit("a");
        var scheduler = Scheduler();
        scheduler.Tick();
        Assert.That(_store.GetJob(job.Id)!.State, Is.EqualTo(JobState.Queued));

        _time.Advance(TimeSpan.FromMinutes(3)); // bob's process died: its lease was not renewed
        Healthy("a");
        scheduler.Tick();
        await scheduler.DrainAsync(CancellationToken.None);
        Assert.That(_store.GetJob(job.Id)!.State, Is.EqualTo(JobState.Done));
        Assert.That(_store.TryAcquireLease("a", "the service", null, TimeSpan.FromMinutes(2)), Is.Not.Null, "the expired lease is taken over");
    }

    [Test]
    public void A_move_the_diagram_does_not_allow_is_refused()
    {
        var job = Submit("a");
        Assert.That(() => _store.FinishJob(job.Id, JobState.Incomplete, null, null), Throws.TypeOf<JobTransitionException>().With.Message.Contains("Queued to Incomplete"));
        _store.FinishJob(job.Id, JobState.Cancelled, null, null);
        Assert.That(() => _store.FinishJob(job.Id, JobState.Done, 0, null), Throws.TypeOf<JobTransitionException>());
    }
}
