using Lab.Orchestrator.Core.Bisect;

namespace Lab.Orchestrator.Core.Tests.Bisect;

public sealed class BisectSearchTests
{
    private static readonly string[] Commits = ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"];

    /// <summary>Runs a search where every commit from <paramref name="firstBad"/> on fails and the others pass; returns the commits tested.</summary>
    private static (List<string> Tested, BisectSearch Search) Run(string firstBad, Func<string, BisectVerdict?>? judge = null)
    {
        var search = new BisectSearch(Commits);
        var tested = new List<string>();
        var bad = Array.IndexOf(Commits, firstBad);
        while (search.Next is { } commit)
        {
            Assert.That(tested, Does.Not.Contain(commit), "a commit is tested once");
            tested.Add(commit);
            search.Mark(commit, judge?.Invoke(commit) ?? (Array.IndexOf(Commits, commit) >= bad ? BisectVerdict.Bad : BisectVerdict.Good));
        }

        return (tested, search);
    }

    [TestCase("c1")]
    [TestCase("c2")]
    [TestCase("c4")]
    [TestCase("c5")]
    [TestCase("c7")]
    [TestCase("c8")]
    public void Every_first_bad_commit_is_found_in_at_most_three_steps_of_eight(string firstBad)
    {
        var (tested, search) = Run(firstBad);

        Assert.That(search.FirstBadCandidates, Is.EqualTo(new[] { firstBad }));
        Assert.That(tested, Has.Count.LessThanOrEqualTo(3), string.Join(" ", tested));
        Assert.That(tested, Does.Not.Contain("c8"), "the bad commit is known bad and not run again");
    }

    [Test]
    public void The_first_step_is_the_middle_of_the_range()
    {
        Assert.That(new BisectSearch(Commits).Next, Is.EqualTo("c4"));
        Assert.That(new BisectSearch(Commits).Remaining, Is.EqualTo(7));
    }

    [Test]
    public void A_skipped_commit_is_stepped_around_and_the_answer_still_found()
    {
        // c6 is the first bad commit; c4 (the first pick) cannot be built.
        var (tested, search) = Run("c6", c => c == "c4" ? BisectVerdict.Skip : null);

        Assert.That(tested, Is.EqualTo(new[] { "c4", "c3", "c5", "c6" }), "the nearest untested commit to the middle comes next");
        Assert.That(search.FirstBadCandidates, Is.EqualTo(new[] { "c6" }));
    }

    [Test]
    public void Skips_just_before_the_first_bad_commit_leave_it_among_them()
    {
        // The regression is c6, but c4 and c5 cannot be judged: the answer is one of c4, c5, c6.
        var (_, search) = Run("c6", c => c is "c4" or "c5" ? BisectVerdict.Skip : null);

        Assert.That(search.Next, Is.Null);
        Assert.That(search.FirstBadCandidates, Is.EqualTo(new[] { "c4", "c5", "c6" }));
    }

    [Test]
    public void One_commit_between_good_and_bad_needs_no_step()
    {
        var search = new BisectSearch(["only"]);

        Assert.That(search.Next, Is.Null);
        Assert.That(search.FirstBadCandidates, Is.EqualTo(new[] { "only" }));
    }

    [Test]
    public void A_commit_outside_the_range_is_refused()
    {
        var search = new BisectSearch(Commits);

        Assert.Throws<ArgumentException>(() => search.Mark("c9", BisectVerdict.Good));
    }
}
