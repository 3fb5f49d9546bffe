using System.Globalization;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Runs;

/// <summary>The runs list's filters as the query string carries them (dates are UTC days, both inclusive).</summary>
internal sealed record RunsFilter(string? Trigger, string? Board, string? Status, string? From, string? To, int? Page)
{
    public const int PageSize = 50;

    /// <summary>The store query, or an error naming the bad filter.</summary>
    public RunQuery? ToQuery(out string? error)
    {
        error = null;
        RunTrigger? trigger = null;
        if (!string.IsNullOrEmpty(Trigger))
        {
            if (!Enum.TryParse<RunTrigger>(Trigger, ignoreCase: true, out var t) || !Enum.IsDefined(t))
            {
                error = $"unknown trigger '{Trigger}': use nightly, manual or dashboard";
                return null;
            }

            trigger = t;
        }

        TestStatus? status = null;
        if (!string.IsNullOrEmpty(Status))
        {
            if (!TestStatuses.TryParse(Status, out var s))
            {
                error = $"unknown status '{Status}': use FAIL, ERROR, MISS, PASS, DONE or SKIP";
                return null;
            }

            status = s;
        }

        if (!TryDay(From, "from", out var from, ref error) || !TryDay(To, "to", out var to, ref error))
        {
            return null;
        }

        var page = Math.Max(1, Page ?? 1);
        return new RunQuery(
            trigger,
            string.IsNullOrEmpty(Board) ? null : Board,
            status,
            from,
            to?.AddDays(1),
            (page - 1) * PageSize,
            PageSize);
    }

    private static bool TryDay(string? text, string name, out DateTimeOffset? day, ref string? error)
    {
        day = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            day = new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        error = $"bad {name} date '{text}': use yyyy-MM-dd";
        return false;
    }
}
