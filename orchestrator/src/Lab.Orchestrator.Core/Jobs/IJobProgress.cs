namespace Lab.Orchestrator.Core.Jobs;

/// <summary>Where a running job reports its run and its current step or case.</summary>
public interface IJobProgress
{
    /// <summary>The run the job opened.</summary>
    void RunStarted(string runId);

    /// <summary>One progress line (board, step, case).</summary>
    void Line(string line);
}
