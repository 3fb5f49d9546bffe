using Lab.Orchestrator.Core.Jobs;

namespace Lab.Dashboard.Features.Queue;

/// <summary>The job queue as the dashboard reads it, with why each waiting job waits when the scheduler runs in this process.</summary>
internal sealed class QueueService(IJobStore jobs, JobScheduler? scheduler)
{
    private readonly IJobStore _jobs = jobs;
    private readonly JobScheduler? _scheduler = scheduler;

    /// <summary>True when <c>lab serve</c>'s scheduler runs in this process (else queued jobs wait for one).</summary>
    public bool Serving => _scheduler is not null;

    public IReadOnlyList<JobView> List(int ended = 30)
    {
        var waiting = _scheduler?.Waiting;
        return _jobs.ListJobs(ended).Select(j => JobView.Of(j, waiting?.GetValueOrDefault(j.Id))).ToList();
    }

    public JobView? Get(string id) => _jobs.GetJob(id) is { } j ? JobView.Of(j, _scheduler?.Waiting.GetValueOrDefault(id)) : null;
}
