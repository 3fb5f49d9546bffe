using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Regressions;

/// <summary>
/// Labels a case from its recent history (newest first). Only PASS and FAIL count: SKIP, MISS and ERROR say nothing
/// about the code under test, so they neither break nor mend a streak.
/// </summary>
internal static class RegressionClassifier
{
    /// <summary>The verdict, or null when the case is stable (no flip) or its newest result is not PASS/FAIL.</summary>
    public static Verdict? Classify(IReadOnlyList<HistoryPoint> newestFirst)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        if (newestFirst.Count == 0 || newestFirst[0].Status is not (TestStatus.Pass or TestStatus.Fail))
        {
            return null;
        }

        var judged = newestFirst.Where(p => p.Status is TestStatus.Pass or TestStatus.Fail).ToList();
        var flips = 0;
        for (var i = 1; i < judged.Count; i++)
        {
            if (judged[i].Status != judged[i - 1].Status)
            {
                flips++;
            }
        }

        if (flips == 0)
        {
            return null;
        }

        var kind = flips >= 2 ? RegressionKind.Unstable
            : judged[0].Status == TestStatus.Fail ? RegressionKind.Regression
            : RegressionKind.Fixed;

        // The newest block of FAILs: skip PASSes from the newest end, then walk the FAILs.
        var i0 = 0;
        while (i0 < judged.Count && judged[i0].Status == TestStatus.Pass)
        {
            i0++;
        }

        string? fixedIn = i0 > 0 && i0 < judged.Count ? judged[i0 - 1].RunId : null;
        var j = i0;
        while (j < judged.Count && judged[j].Status == TestStatus.Fail)
        {
            j++;
        }

        string? firstBad = j > i0 ? judged[j - 1].RunId : null;
        string? lastGood = j < judged.Count ? judged[j].RunId : null;
        return new Verdict(kind, lastGood, firstBad, kind == RegressionKind.Fixed ? fixedIn : null);
    }
}
