using System.Collections.Concurrent;
using Lab.Orchestrator.Core.Jobs;

namespace Lab.Orchestrator.Core.Tests.Jobs;

/// <summary>A runner whose jobs run until the test releases them (or their token is cancelled), recording what ran when.</summary>
internal sealed class ScriptedRunner : IJobRunner
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<int>> _release = new(StringComparer.Ordinal);
    private int _running;

    public ConcurrentQueue<string> Started { get; } = new();

    public int MaxAtOnce { get; private set; }

    /// <summary>The exit code health checks end with.</summary>
    public int HealthExit { get; set; }

    /// <summary>Boards a job reports infrastructure trouble on.</summary>
    public IReadOnlyList<string> Trouble { get; set; } = [];

    /// <summary>When true, jobs end as soon as they start.</summary>
    public bool Instant { get; set; }

    public async Task<JobOutcome> RunAsync(Job job, IJobProgress progress, CancellationToken ct)
    {
        Started.Enqueue(job.Spec.HealthCheck ? "check:" + job.Spec.Boards[0] : job.Id);
        var now = Interlocked.Increment(ref _running);
        MaxAtOnce = Math.Max(MaxAtOnce, now);
        progress.RunStarted("run-" + job.Id);
        progress.Line($"[{job.Spec.Boards[0]}] running");
        try
        {
            if (job.Spec.HealthCheck)
            {
                return new JobOutcome(JobState.Done, HealthExit, "check", [], []);
            }

            if (!Instant)
            {
                var gate = _release.GetOrAdd(job.Id, _ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
                await gate.Task.WaitAsync(ct);
            }

            return new JobOutcome(JobState.Done, 0, "run passed", Trouble, []);
        }
        catch (OperationCanceledException)
        {
            return new JobOutcome(JobState.Cancelled, 3, "cancelled", [], []);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public void Release(string jobId) =>
        _release.GetOrAdd(jobId, _ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(0);
}
