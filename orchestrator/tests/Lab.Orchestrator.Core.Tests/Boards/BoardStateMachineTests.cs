using Lab.Orchestrator.Core.Boards;

namespace Lab.Orchestrator.Core.Tests.Boards;

public sealed class BoardStateMachineTests
{
    [Test]
    public void A_board_goes_up_one_state_at_a_time()
    {
        var m = new BoardStateMachine();

        m.MoveTo(BoardState.Booted);
        m.MoveTo(BoardState.ModulesLoaded);
        m.MoveTo(BoardState.DevicesBound);

        Assert.That(m.History, Is.EqualTo(new[] { "Off", "Booted", "ModulesLoaded", "DevicesBound" }));
    }

    [Test]
    public void Skipping_a_state_is_refused()
    {
        var m = new BoardStateMachine();

        Assert.Throws<InvalidOperationException>(() => m.MoveTo(BoardState.DevicesBound));
        Assert.Throws<InvalidOperationException>(() => m.MoveTo(BoardState.ModulesLoaded));
    }

    [Test]
    public void The_first_failure_latches_broken_with_its_reason()
    {
        var m = new BoardStateMachine();
        m.MoveTo(BoardState.Booted);

        m.Fail("insmod vfio: Invalid module format");
        m.Fail("a later consequence");

        Assert.Multiple(() =>
        {
            Assert.That(m.State, Is.EqualTo(BoardState.Broken));
            Assert.That(m.BrokenReason, Is.EqualTo("insmod vfio: Invalid module format"));
            Assert.Throws<InvalidOperationException>(() => m.MoveTo(BoardState.ModulesLoaded), "a broken board loads nothing until it is reset");
        });
    }

    [Test]
    public void A_recovery_boot_or_a_power_off_leaves_broken()
    {
        var m = new BoardStateMachine();
        m.MoveTo(BoardState.Booted);
        m.Fail("link lost");

        m.MoveTo(BoardState.Booted);

        Assert.Multiple(() =>
        {
            Assert.That(m.State, Is.EqualTo(BoardState.Booted));
            Assert.That(m.BrokenReason, Is.Null);
        });
        m.Fail("again");
        m.MoveTo(BoardState.Off);
        Assert.That(m.State, Is.EqualTo(BoardState.Off));
    }
}
