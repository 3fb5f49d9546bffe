using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Run;

namespace Lab.Orchestrator.Tests.Run;

public sealed class SelectBoardsTests
{
    private static readonly Core.Config.LabConfig _lab = Core.Config.LabConfigLoader.Load(RepoFiles.Path("lab.json")).Config!;

    [Test]
    public void No_board_option_runs_every_board()
    {
        var boards = LabRun.SelectBoards(_lab, new RunRequest(null, null, RunTrigger.Manual), out var problem);

        Assert.That(boards, Is.EqualTo(_lab.Boards));
        Assert.That(problem, Is.Null);
    }

    [Test]
    public void A_known_board_runs_alone()
    {
        var boards = LabRun.SelectBoards(_lab, new RunRequest("qemu-arm64", null, RunTrigger.Manual), out _);

        Assert.That(boards!.Select(b => b.Id), Is.EqualTo(new[] { "qemu-arm64" }));
    }

    [Test]
    public void An_unknown_board_is_refused_with_the_known_ones()
    {
        var boards = LabRun.SelectBoards(_lab, new RunRequest("nope", null, RunTrigger.Manual), out var problem);

        Assert.That(boards, Is.Null);
        Assert.That(problem, Does.Contain("'nope'").And.Contain("qemu-arm64"));
    }

    [Test]
    public void A_nightly_run_takes_the_nightly_boards() =>
        Assert.That(LabRun.SelectBoards(_lab, new RunRequest(null, null, RunTrigger.Nightly), out _)!.Select(b => b.Id),
            Is.EqualTo(_lab.Nightly!.Boards));
}
