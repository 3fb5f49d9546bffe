using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Tests.Results;

public sealed class TestStatusesTests
{
    [Test]
    public void WorstFollowsKcidbPriority()
    {
        Assert.That(TestStatuses.Worst([TestStatus.Pass, TestStatus.Skip, TestStatus.Miss]), Is.EqualTo(TestStatus.Miss));
        Assert.That(TestStatuses.Worst([TestStatus.Error, TestStatus.Fail, TestStatus.Pass]), Is.EqualTo(TestStatus.Fail));
        Assert.That(TestStatuses.Worst([TestStatus.Done, TestStatus.Skip]), Is.EqualTo(TestStatus.Done));
        Assert.That(TestStatuses.Worst([], TestStatus.Miss), Is.EqualTo(TestStatus.Miss));
    }

    [Test]
    public void TheOrderIsFailErrorMissPassDoneSkip()
    {
        var ordered = Enum.GetValues<TestStatus>().OrderByDescending(s => s).Select(s => s.ToKcidb());

        Assert.That(ordered, Is.EqualTo(new[] { "FAIL", "ERROR", "MISS", "PASS", "DONE", "SKIP" }));
    }

    [Test]
    public void CountsAgreeWithWorst()
    {
        var statuses = new[] { TestStatus.Pass, TestStatus.Pass, TestStatus.Skip, TestStatus.Error };
        var counts = statuses.Aggregate(StatusCounts.Empty, (c, s) => c.Add(s));

        Assert.That(counts, Is.EqualTo(StatusCounts.Of(statuses)));
        Assert.That(counts.Worst, Is.EqualTo(TestStatuses.Worst(statuses)));
        Assert.That(counts.Total, Is.EqualTo(4));
        Assert.That(StatusCounts.Empty.Worst, Is.Null);
    }

    [TestCase("fail", true)]
    [TestCase("MISS", true)]
    [TestCase("7", false)]
    [TestCase("broken", false)]
    public void ParsesOnlyKcidbNames(string text, bool ok) => Assert.That(TestStatuses.TryParse(text, out _), Is.EqualTo(ok));
}
