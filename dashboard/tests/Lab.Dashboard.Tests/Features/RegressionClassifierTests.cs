using Lab.Dashboard.Features.Regressions;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Tests.Features;

public sealed class RegressionClassifierTests
{
    private static List<HistoryPoint> History(string newestFirst) =>
        newestFirst.Split(' ').Select((s, i) => new HistoryPoint("r" + i, DateTimeOffset.UnixEpoch.AddDays(-i), s switch
        {
            "P" => TestStatus.Pass,
            "F" => TestStatus.Fail,
            "S" => TestStatus.Skip,
            "M" => TestStatus.Miss,
            _ => TestStatus.Error,
        })).ToList();

    [Test]
    public void Newest_fail_after_passes_is_a_regression_with_last_good_and_first_bad()
    {
        var v = RegressionClassifier.Classify(History("F F P P P"));
        Assert.That(v, Is.EqualTo(new Verdict(RegressionKind.Regression, "r2", "r1", null)));
    }

    [Test]
    public void Newest_pass_after_fails_is_fixed_with_the_run_that_fixed_it()
    {
        var v = RegressionClassifier.Classify(History("P P F F"));
        Assert.That(v, Is.EqualTo(new Verdict(RegressionKind.Fixed, null, "r3", "r1")));
    }

    [Test]
    public void Two_flips_or_more_are_unstable()
    {
        Assert.That(RegressionClassifier.Classify(History("F P F P"))?.Kind, Is.EqualTo(RegressionKind.Unstable));
        Assert.That(RegressionClassifier.Classify(History("P F P"))?.Kind, Is.EqualTo(RegressionKind.Unstable));
    }

    [Test]
    public void Stable_histories_and_non_verdict_statuses_get_no_label()
    {
        Assert.That(RegressionClassifier.Classify(History("P P P")), Is.Null);
        Assert.That(RegressionClassifier.Classify(History("F F F")), Is.Null);
        Assert.That(RegressionClassifier.Classify(History("S F P")), Is.Null, "newest SKIP says nothing");
        Assert.That(RegressionClassifier.Classify([]), Is.Null);
    }

    [Test]
    public void Skip_miss_and_error_neither_break_nor_mend_a_streak()
    {
        var v = RegressionClassifier.Classify(History("F M P S P"));
        Assert.That(v, Is.EqualTo(new Verdict(RegressionKind.Regression, "r2", "r0", null)));
    }
}
