using Cronos;

namespace Lab.Orchestrator.Core.Jobs;

/// <summary>
/// lab.json's nightly cron, in UTC. A slot fires once. A slot missed while the service was down fires once when the
/// service is back within <see cref="CatchUp"/> of it (however many slots were missed, one job per board); a slot
/// older than that is skipped and the next one runs as usual.
/// </summary>
public sealed class NightlySchedule
{
    /// <summary>How late a missed slot may still fire.</summary>
    public static readonly TimeSpan CatchUp = TimeSpan.FromHours(6);

    private readonly CronExpression _cron;

    /// <summary>Parses a five-field cron expression (lab.json validation has already checked it).</summary>
    public NightlySchedule(string cron) => _cron = CronExpression.Parse(cron, CronFormat.Standard);

    /// <summary>The slot to fire at <paramref name="now"/>: the latest slot within <see cref="CatchUp"/> that is later than <paramref name="lastFired"/>; null when none.</summary>
    public DateTimeOffset? Due(DateTimeOffset? lastFired, DateTimeOffset now)
    {
        DateTimeOffset? latest = null;
        foreach (var slot in _cron.GetOccurrences(now - CatchUp, now, TimeZoneInfo.Utc, fromInclusive: true, toInclusive: true))
        {
            latest = slot;
        }

        return latest is { } l && (lastFired is not { } last || l > last) ? l : null;
    }

    /// <summary>The next slot after <paramref name="now"/>.</summary>
    public DateTimeOffset? Next(DateTimeOffset now) => _cron.GetNextOccurrence(now, TimeZoneInfo.Utc);
}
