using Lab.Orchestrator.Core.Jobs;

namespace Lab.Orchestrator.Core.Tests.Jobs;

public sealed class NightlyScheduleTests
{
    private static readonly NightlySchedule _twoAm = new("0 2 * * *");
    private static readonly DateTimeOffset _slot = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    [Test]
    public void Nothing_is_due_before_the_slot() =>
        Assert.That(_twoAm.Due(_slot.AddDays(-1), _slot.AddMinutes(-1)), Is.Null);

    [Test]
    public void The_slot_is_due_at_its_time_and_only_once()
    {
        Assert.That(_twoAm.Due(_slot.AddDays(-1), _slot), Is.EqualTo(_slot));
        Assert.That(_twoAm.Due(_slot, _slot.AddMinutes(1)), Is.Null, "fired already");
    }

    [Test]
    public void A_slot_missed_while_down_fires_once_when_back_within_six_hours()
    {
        Assert.That(_twoAm.Due(_slot.AddDays(-3), _slot.AddHours(5)), Is.EqualTo(_slot), "one catch-up for several missed nights");
        Assert.That(_twoAm.Due(_slot.AddDays(-1), _slot.AddHours(7)), Is.Null, "too late: skipped, the next night runs as usual");
    }

    [Test]
    public void Times_are_utc_whatever_the_offset_given()
    {
        var paris = new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.FromHours(1)); // 02:00Z
        Assert.That(_twoAm.Due(null, paris), Is.EqualTo(_slot));
        Assert.That(_twoAm.Next(_slot), Is.EqualTo(_slot.AddDays(1)));
    }
}
