namespace Lab.Orchestrator.Core.Results;

/// <summary>Operations on <see cref="TestStatus"/>: summaries, names as KCIDB spells them.</summary>
public static class TestStatuses
{
    /// <summary>The worst status of a set (KCIDB priority); <paramref name="empty"/> when the set is empty.</summary>
    public static TestStatus Worst(IEnumerable<TestStatus> statuses, TestStatus empty = TestStatus.Skip)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var any = false;
        var worst = TestStatus.Skip;
        foreach (var s in statuses)
        {
            any = true;
            if (s > worst)
            {
                worst = s;
            }
        }

        return any ? worst : empty;
    }

    /// <summary>The KCIDB spelling: FAIL, ERROR, MISS, PASS, DONE, SKIP.</summary>
    public static string ToKcidb(this TestStatus status) => status.ToString().ToUpperInvariant();

    /// <summary>Parses a KCIDB spelling (any case); false for anything else.</summary>
    public static bool TryParse(string? text, out TestStatus status) =>
        Enum.TryParse(text, ignoreCase: true, out status) && Enum.IsDefined(status);
}
