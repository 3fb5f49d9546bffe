using Lab.Orchestrator.Core.Jobs;
using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Tests.Jobs;

public sealed class JobPickerTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static Job Job(string id, string board, JobPriority priority = JobPriority.Normal, int minutesAgo = 0, bool check = false) =>
        new(id, new JobSpec([board], null, RunTrigger.Manual, "dev", priority) { HealthCheck = check }, JobState.Queued, _now.AddMinutes(-minutesAgo));

    private static Dictionary<string, BoardHealth> Good(params string[] boards) =>
        boards.ToDictionary(b => b, b => new BoardHealth(b, BoardCondition.Good, _now.AddHours(-1), 0, null));

    [Test]
    public void Priority_comes_first_then_submit_time()
    {
        var jobs = new[] { Job("late-high", "a", JobPriority.High, 1), Job("early-normal", "a", JobPriority.Normal, 9), Job("early-high", "a", JobPriority.High, 5) };
        var pick = JobPicker.Pick(jobs, new HashSet<string>(), Good("a"), 4, _now);
        Assert.That(pick.Start.Select(j => j.Id), Is.EqualTo(new[] { "early-high" }), "one board runs one job at a time");
        Assert.That(pick.Waiting.Keys, Is.EquivalentTo(new[] { "late-high", "early-normal" }));
    }

    [Test]
    public void Jobs_on_different_boards_start_together_up_to_the_limit()
    {
        var jobs = new[] { Job("1", "a", minutesAgo: 3), Job("2", "b", minutesAgo: 2), Job("3", "c", minutesAgo: 1) };
        var pick = JobPicker.Pick(jobs, new HashSet<string>(), Good("a", "b", "c"), 2, _now);
        Assert.That(pick.Start.Select(j => j.Id), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(pick.Waiting["3"], Does.Contain("free slot"));
    }

    [Test]
    public void A_busy_board_or_one_leased_elsewhere_waits_and_does_not_block_other_boards()
    {
        var jobs = new[] { Job("1", "a", minutesAgo: 3), Job("2", "b", minutesAgo: 2) };
        var pick = JobPicker.Pick(jobs, new HashSet<string> { "a" }, Good("a", "b"), 4, _now);
        Assert.That(pick.Start.Select(j => j.Id), Is.EqualTo(new[] { "2" }));
        Assert.That(pick.Waiting["1"], Does.Contain("a (in use)"));
    }

    [Test]
    public void A_bad_board_is_not_scheduled()
    {
        var health = Good("a");
        health["a"] = health["a"] with { Condition = BoardCondition.Bad };
        var pick = JobPicker.Pick([Job("1", "a")], new HashSet<string>(), health, 4, _now);
        Assert.That(pick.Start, Is.Empty);
        Assert.That(pick.HealthChecks, Is.Empty, "a Bad board is not checked again until reset");
        Assert.That(pick.Waiting["1"], Does.Contain("lab boards --reset a"));
    }

    [Test]
    public void A_board_not_checked_today_or_after_an_infrastructure_failure_is_checked_first()
    {
        var health = Good("a", "b", "c");
        health["b"] = health["b"] with { CheckedAt = _now.AddDays(-1) };
        health["c"] = health["c"] with { Condition = BoardCondition.NeedsCheck };
        var jobs = new[] { Job("1", "a"), Job("2", "b"), Job("3", "c"), Job("4", "d") };
        var pick = JobPicker.Pick(jobs, new HashSet<string>(), health, 8, _now);
        Assert.That(pick.Start.Select(j => j.Id), Is.EqualTo(new[] { "1" }));
        Assert.That(pick.HealthChecks, Is.EquivalentTo(new[] { "b", "c", "d" }));
    }

    [Test]
    public void A_health_check_goes_before_every_job_of_its_board()
    {
        var jobs = new[] { Job("job", "a", JobPriority.High, 10), Job("check", "a", JobPriority.Low, 0, check: true) };
        var pick = JobPicker.Pick(jobs, new HashSet<string>(), new Dictionary<string, BoardHealth>(), 4, _now);
        Assert.That(pick.Start.Select(j => j.Id), Is.EqualTo(new[] { "check" }));
    }
}
