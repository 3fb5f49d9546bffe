using Lab.Orchestrator.Core.Jobs;
using Lab.Results;

namespace Lab.Orchestrator.Bench;

/// <summary>A board that takes its lease, renews it every <c>renewEvery</c> while it "runs" for <c>duration</c>, then lets it go.</summary>
internal sealed class FakeBoardRunner(LiteDbResultStore store, TimeSpan duration, TimeSpan renewEvery) : IJobRunner
{
    private long _renewals;
    private int _running;

    public long Renewals => Interlocked.Read(ref _renewals);

    public int Running => Volatile.Read(ref _running);

    public async Task<JobOutcome> RunAsync(Job job, IJobProgress progress, CancellationToken ct)
    {
        var board = job.Spec.Boards[0];
        var holder = "bench job " + job.Id;
        Interlocked.Increment(ref _running);
        try
        {
            if (store.TryAcquireLease(board, holder, null, TimeSpan.FromSeconds(30)) is null)
            {
                return new JobOutcome(JobState.Done, 3, "lease taken", [], []);
            }

            progress.RunStarted("run-" + job.Id);
            var end = DateTime.UtcNow + duration;
            while (DateTime.UtcNow < end)
            {
                await Task.Delay(renewEvery, ct);
                store.RenewLease(board, holder, TimeSpan.FromSeconds(30));
                Interlocked.Increment(ref _renewals);
                progress.Line($"[{board}] PASS a case");
            }

            store.ReleaseLease(board, holder);
            return new JobOutcome(JobState.Done, 0, "ok", [], []);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
