using Lab.Orchestrator.Cli;
using Lab.Orchestrator.Core.Jobs;

namespace Lab.Orchestrator.Service;

/// <summary><c>lab submit --wait</c>: prints a job's progress as it changes and returns the exit code its run gives.</summary>
internal static class JobFollower
{
    /// <summary>How often the store is read.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public static async Task<int> FollowAsync(IJobStore store, string id, TextWriter output, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        string? last = null;
        while (true)
        {
            var job = store.GetJob(id) ?? throw new InvalidOperationException($"job {id} disappeared from the store");
            var line = job.State == JobState.Queued ? "queued" + (job.Note is { } n ? $" ({n})" : string.Empty) : job.Progress;
            if (line is not null && line != last)
            {
                await output.WriteLineAsync($"[{id}] {Core.Text.Escape(line, 300)}").ConfigureAwait(false);
                last = line;
            }

            if (job.Ended)
            {
                await output.WriteLineAsync($"[{id}] {job.State.ToString().ToLowerInvariant()}: {job.Note}").ConfigureAwait(false);
                return job.State switch
                {
                    JobState.Done => job.ExitCode ?? ExitCodes.Infrastructure,
                    JobState.FailedToStart => ExitCodes.BadInput,
                    _ => ExitCodes.Infrastructure,
                };
            }

            await Task.Delay(Poll, time, ct).ConfigureAwait(false);
        }
    }
}
