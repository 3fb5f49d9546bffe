namespace Lab.Orchestrator.Core.Jobs;

/// <summary>Tells the outside world a job ended (a webhook); failures to notify never fail the job.</summary>
public interface IJobNotifier
{
    /// <summary>Called once per ended job with its outcome (null when it ended without running: cancelled in the queue).</summary>
    Task JobEndedAsync(Job job, JobOutcome? outcome, CancellationToken ct);
}
