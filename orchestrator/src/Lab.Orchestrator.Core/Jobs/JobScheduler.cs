using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Jobs;

/// <summary>
/// The service's scheduler: at start, re-queues (once) the jobs whose worker died; then, every
/// <see cref="SchedulerOptions.Poll"/>, queues the nightly slot's jobs, queues health checks, passes cancel
/// requests to running workers and starts the jobs <see cref="JobPicker"/> picks, each on its own task. Stopping
/// it stops the running jobs' boards and puts those jobs back in the queue.
/// </summary>
public sealed class JobScheduler
{
    private readonly IJobStore _store;
    private readonly IJobRunner _runner;
    private readonly IJobNotifier? _notifier;
    private readonly SchedulerOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Worker> _workers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private IReadOnlyDictionary<string, string> _waiting = new Dictionary<string, string>();
    private bool _stopping;

    public JobScheduler(IJobStore store, IJobRunner runner, IJobNotifier? notifier, SchedulerOptions options, TimeProvider time)
    {
        _store = store;
        _runner = runner;
        _notifier = notifier;
        _options = options;
        _time = time;
    }

    /// <summary>Why each queued job waits, as of the last tick.</summary>
    public IReadOnlyDictionary<string, string> Waiting => _waiting;

    /// <summary>Jobs this scheduler runs now.</summary>
    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _workers.Count;
            }
        }
    }

    /// <summary>Re-queues the jobs of dead workers, then schedules until <paramref name="ct"/> ends; then stops the running jobs.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        Recover();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                Tick();
                await Task.Delay(_options.Poll, _time, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The service stops.
        }
        finally
        {
            await StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The jobs whose worker died (the service was killed): queued again once, then incomplete.</summary>
    public IReadOnlyList<Job> Recover() => _store.RecoverJobs(_options.WorkerAlive);

    /// <summary>One scheduling pass.</summary>
    public void Tick()
    {
        var now = _time.GetUtcNow();
        FireNightly(now);
        var jobs = _store.ListJobs(ended: 0);
        var busy = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var w in _workers.Values)
            {
                busy.UnionWith(w.Job.Spec.Boards);
                if (!w.Cancel.IsCancellationRequested && jobs.FirstOrDefault(j => j.Id == w.Job.Id) is { CancelRequested: true })
                {
                    w.Cancel.Cancel();
                }
            }
        }

        foreach (var lease in _options.Leases())
        {
            if (lease.ExpiresAt > now && !busy.Contains(lease.BoardId))
            {
                busy.Add(lease.BoardId);
            }
        }

        var health = _store.GetBoardHealth().ToDictionary(h => h.BoardId, StringComparer.Ordinal);
        var queued = jobs.Where(j => j.State == JobState.Queued).ToList();
        var pick = JobPicker.Pick(queued, busy, health, _options.MaxParallelBoards, now);
        foreach (var board in pick.HealthChecks)
        {
            if (!jobs.Any(j => j.Spec.HealthCheck && !j.Ended && j.Spec.Boards.Contains(board, StringComparer.Ordinal)))
            {
                _store.SubmitJob(new JobSpec([board], _options.HealthCheckCases, RunTrigger.Manual, "health-check", JobPriority.High) { HealthCheck = true });
            }
        }

        foreach (var job in pick.Start)
        {
            Start(job);
        }

        _waiting = pick.Waiting;
    }

    /// <summary>Waits until no job of this scheduler runs (tests and the benchmark).</summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        while (true)
        {
            Task[] tasks;
            lock (_gate)
            {
                tasks = [.. _workers.Values.Select(w => w.Task)];
            }

            if (tasks.Length == 0)
            {
                return;
            }

            await Task.WhenAll(tasks).WaitAsync(ct).ConfigureAwait(false);
        }
    }

    private void FireNightly(DateTimeOffset now)
    {
        if (_options.Nightly is not { } nightly || _options.NightlyBoards.Count == 0)
        {
            return;
        }

        if (nightly.Due(_store.LastNightlySlot(), now) is not { } slot)
        {
            return;
        }

        foreach (var board in _options.NightlyBoards)
        {
            _store.SubmitJob(new JobSpec([board], null, RunTrigger.Nightly, "nightly", JobPriority.Normal) { NightlySlot = slot });
        }
    }

    private void Start(Job queued)
    {
        if (_store.TryStartJob(queued.Id, _options.Self) is not { } job)
        {
            return; // cancelled meanwhile
        }

        var worker = new Worker(job, new CancellationTokenSource());
        lock (_gate)
        {
            _workers[job.Id] = worker;
        }

        worker.Task = Task.Run(() => WorkAsync(worker));
    }

    private async Task WorkAsync(Worker worker)
    {
        var job = worker.Job;
        JobOutcome? outcome = null;
        Job? ended = null;
        try
        {
            outcome = await _runner.RunAsync(job, new Progress(_store, job.Id, _time), worker.Cancel.Token).ConfigureAwait(false);
            ended = _stopping && outcome.State == JobState.Cancelled ? Requeue(job) : TryFinish(job.Id, outcome);
        }
        catch (OperationCanceledException) when (_stopping)
        {
            ended = Requeue(job);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or ResultStoreException))
        {
            // A worker never takes the service down: the job ends with the reason.
            outcome = new JobOutcome(JobState.Done, 3, "the worker failed: " + e.Message, job.Spec.Boards, []);
            ended = TryFinish(job.Id, outcome);
        }
        finally
        {
            lock (_gate)
            {
                _workers.Remove(job.Id);
            }

            worker.Cancel.Dispose();
        }

        if (outcome is not null)
        {
            UpdateHealth(job, outcome);
        }

        if (_notifier is not null && ended is { Ended: true })
        {
            try
            {
                await _notifier.JobEndedAsync(ended, outcome, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _store.UpdateJob(job.Id, null, "notification failed: " + e.Message);
            }
        }
    }

    private Job? TryFinish(string id, JobOutcome outcome)
    {
        try
        {
            return _store.FinishJob(id, outcome.State, outcome.ExitCode, outcome.Note);
        }
        catch (Exception e) when (e is ResultStoreException or JobTransitionException)
        {
            return null; // the store is gone: RecoverJobs sorts the job out at the next start
        }
    }

    private Job? Requeue(Job job) =>
        TryFinish(job.Id, new JobOutcome(JobState.Queued, 0, "the service stopped while it ran: queued again", [], []));

    private void UpdateHealth(Job job, JobOutcome outcome)
    {
        var now = _time.GetUtcNow();
        var health = _store.GetBoardHealth().ToDictionary(h => h.BoardId, StringComparer.Ordinal);
        if (job.Spec.HealthCheck)
        {
            if (outcome.State == JobState.Cancelled)
            {
                return;
            }

            foreach (var board in job.Spec.Boards)
            {
                var failed = health.GetValueOrDefault(board)?.FailedChecks ?? 0;
                _store.SaveBoardHealth(outcome.ExitCode == 0
                    ? new BoardHealth(board, BoardCondition.Good, now, 0, outcome.Note)
                    : new BoardHealth(board, failed + 1 >= 2 ? BoardCondition.Bad : BoardCondition.NeedsCheck, now, failed + 1,
                        $"health check failed (exit {outcome.ExitCode}): {outcome.Note}"));
            }

            return;
        }

        foreach (var board in outcome.InfrastructureTrouble)
        {
            var h = health.GetValueOrDefault(board);
            if (h?.Condition != BoardCondition.Bad)
            {
                _store.SaveBoardHealth(new BoardHealth(board, BoardCondition.NeedsCheck, h?.CheckedAt, h?.FailedChecks ?? 0,
                    $"job {job.Id} hit an infrastructure failure: {outcome.Note}"));
            }
        }
    }

    private async Task StopAsync()
    {
        Task[] tasks;
        lock (_gate)
        {
            _stopping = true;
            foreach (var w in _workers.Values)
            {
                w.Cancel.Cancel();
            }

            tasks = [.. _workers.Values.Select(w => w.Task)];
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private sealed class Worker(Job job, CancellationTokenSource cancel)
    {
        public Job Job { get; } = job;

        public CancellationTokenSource Cancel { get; } = cancel;

        public Task Task { get; set; } = Task.CompletedTask;
    }

    /// <summary>Writes a job's run id at once and its progress line at most every 2 s (the queue page refreshes every 5 s).</summary>
    private sealed class Progress(IJobStore store, string jobId, TimeProvider time) : IJobProgress
    {
        private static readonly TimeSpan _every = TimeSpan.FromSeconds(2);
        private long _last;

        public void RunStarted(string runId) => store.UpdateJob(jobId, runId, null);

        public void Line(string line)
        {
            var now = time.GetTimestamp();
            if (_last != 0 && time.GetElapsedTime(_last, now) < _every)
            {
                return;
            }

            _last = now;
            store.UpdateJob(jobId, null, line);
        }
    }
}
