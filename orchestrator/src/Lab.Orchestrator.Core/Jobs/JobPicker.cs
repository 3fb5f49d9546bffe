namespace Lab.Orchestrator.Core.Jobs;

/// <summary>
/// Which queued jobs start now. Health checks first, then by priority, then by submit time. A job starts when none
/// of its boards is busy (a job of this service, or a lease held elsewhere), none is Bad, each had a passing health
/// check today (UTC) and no infrastructure failure since, and the boards in use stay within the parallel limit (a
/// job wider than the limit starts alone). A board that needs a check is reserved for it: a lower job does not
/// take it meanwhile.
/// </summary>
public static class JobPicker
{
    /// <summary>What to do this tick.</summary>
    /// <param name="queued">Queued jobs, any order.</param>
    /// <param name="busy">Boards in use (by this service's jobs or by another lease holder).</param>
    /// <param name="health">Each board's health record; a board without one has never been checked.</param>
    /// <param name="maxParallelBoards">How many boards may run at once.</param>
    /// <param name="now">The time (its UTC date decides "today").</param>
    public static JobPick Pick(IEnumerable<Job> queued, IReadOnlySet<string> busy, IReadOnlyDictionary<string, BoardHealth> health,
        int maxParallelBoards, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(queued);
        ArgumentNullException.ThrowIfNull(busy);
        ArgumentNullException.ThrowIfNull(health);
        var taken = new HashSet<string>(busy, StringComparer.Ordinal);
        var inUse = busy.Count;
        var start = new List<Job>();
        var checks = new List<string>();
        var waiting = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = queued.OrderByDescending(j => j.Spec.HealthCheck).ThenBy(j => j.Spec.Priority).ThenBy(j => j.SubmittedAt).ThenBy(j => j.Id, StringComparer.Ordinal);
        foreach (var job in order)
        {
            var boards = job.Spec.Boards;
            if (boards.FirstOrDefault(taken.Contains) is { } inUseBoard)
            {
                waiting[job.Id] = $"waiting for {inUseBoard} (in use)";
                continue;
            }

            if (!job.Spec.HealthCheck)
            {
                if (boards.FirstOrDefault(b => health.TryGetValue(b, out var h) && h.Condition == BoardCondition.Bad) is { } bad)
                {
                    waiting[job.Id] = $"{bad} is Bad (two failed health checks): lab boards --reset {bad}";
                    continue;
                }

                var unchecked_ = boards.Where(b => NeedsCheck(health.GetValueOrDefault(b), now)).ToList();
                if (unchecked_.Count > 0)
                {
                    checks.AddRange(unchecked_.Where(b => !checks.Contains(b, StringComparer.Ordinal)));
                    taken.UnionWith(unchecked_);
                    waiting[job.Id] = $"waiting for the health check of {string.Join(", ", unchecked_)}";
                    continue;
                }
            }

            if (inUse > 0 && inUse + boards.Count > maxParallelBoards)
            {
                waiting[job.Id] = $"waiting for a free slot ({inUse} of {maxParallelBoards} boards in use)";
                continue;
            }

            start.Add(job);
            taken.UnionWith(boards);
            inUse += boards.Count;
        }

        return new JobPick(start, checks, waiting);
    }

    /// <summary>True when a board must pass a health check before its next job.</summary>
    public static bool NeedsCheck(BoardHealth? health, DateTimeOffset now) =>
        health is null || health.Condition == BoardCondition.NeedsCheck || health.CheckedAt is not { } at ||
        at.UtcDateTime.Date != now.UtcDateTime.Date;
}
