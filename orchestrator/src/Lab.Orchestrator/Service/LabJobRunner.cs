using Lab.Orchestrator.Cli;
using Lab.Orchestrator.Core.Jobs;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Run;

namespace Lab.Orchestrator.Service;

/// <summary>
/// The local worker: runs a job as <c>lab run</c> would (the same pipeline, leases and store), reading lab.json
/// afresh for each job so an edit takes effect without a restart. A lab.json that no longer loads, an unknown board
/// or kernel, or a board whose steps do not check out end the job as failed to start, naming what.
/// </summary>
internal sealed class LabJobRunner(string labJson, IResultStore store, TimeProvider time) : IJobRunner
{
    private readonly string _labJson = labJson;
    private readonly IResultStore _store = store;
    private readonly TimeProvider _time = time;

    public async Task<JobOutcome> RunAsync(Job job, IJobProgress progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(progress);
        var errors = new StringWriter();
        if (LabContext.LoadOrReport(_labJson, errors) is not { } lab)
        {
            return NotStarted("lab.json does not load: " + errors.ToString().Trim());
        }

        if (JobConfig.Apply(lab, job.Spec, out var problem) is not { } applied)
        {
            return NotStarted(problem!);
        }

        var (config, boards) = applied;
        var checks = LabRun.Check(config.Config!, boards);
        if (checks.Count > 0)
        {
            return NotStarted(string.Join("; ", checks));
        }

        var request = new RunRequest(null, job.Spec.Cases, job.Spec.Trigger) { StressSeconds = job.Spec.StressSeconds, Who = job.Spec.Who };
        var lines = new ProgressWriter(progress);
        var outcome = await new LabRun(config, _store, new RunProgress(lines), _time)
            .ExecuteAsync(request, boards, ct, progress.RunStarted).ConfigureAwait(false);
        var trouble = outcome.Boards
            .Where(b => b.Health != "in use" && (b.Recoveries.Count > 0 || (b.Health != "ok" && !b.Health.StartsWith("ok after", StringComparison.Ordinal))))
            .Select(b => BoardKernels.BoardOf(b.BoardId)).Distinct(StringComparer.Ordinal).ToList(); // health is per lab.json board
        var status = outcome.Run.Status?.ToKcidb() ?? "no results";
        return new JobOutcome(
            outcome.Cancelled ? JobState.Cancelled : JobState.Done, ExitCodes.For(outcome),
            $"run {outcome.Run.Id}: {status}" + (outcome.Run.Note is { } note ? $" ({note})" : string.Empty),
            trouble, NewRegressions(outcome.Run.Id));
    }

    private static JobOutcome NotStarted(string why) => new(JobState.FailedToStart, ExitCodes.BadInput, why, [], []);

    /// <summary>(board, case) pairs that fail in this run and passed the time before.</summary>
    private List<string> NewRegressions(string runId) =>
        _store.GetResults(runId).Where(r => r.Status == TestStatus.Fail)
            .Where(r => _store.GetHistory(r.TestId, r.BoardId, 2).FirstOrDefault(h => h.RunId != runId) is { Status: TestStatus.Pass })
            .Select(r => $"{r.BoardId}: {r.TestId}").ToList();

    /// <summary>Hands each progress line to the job.</summary>
    private sealed class ProgressWriter(IJobProgress progress) : TextWriter
    {
        private readonly System.Text.StringBuilder _line = new();

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value)
        {
            if (value == '\n')
            {
                progress.Line(_line.ToString());
                _line.Clear();
            }
            else if (value != '\r')
            {
                _line.Append(value);
            }
        }
    }
}
