using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Pipeline;

namespace Lab.Orchestrator.Core.Tests.Pipeline;

public sealed class BoardKernelsTests
{
    private static BoardConfig Board(string id, string kernel, params string[] kernels) =>
        new() { Id = id, Kind = BoardKind.Qemu, Arch = BoardArch.Arm64, Kernel = kernel, Kernels = kernels.Length == 0 ? null : kernels, Devices = [] };

    [Test]
    public void A_board_runs_once_per_kernel_in_order_its_own_kernel_under_its_id()
    {
        var boards = BoardKernels.Expand([Board("qemu-arm64", "k61", "k61", "k612", "knew"), Board("other", "k61")]);

        Assert.That(boards.Select(b => (b.Id, b.Kernel)), Is.EqualTo(new[]
        {
            ("qemu-arm64", "k61"), ("qemu-arm64+k612", "k612"), ("qemu-arm64+knew", "knew"), ("other", "k61"),
        }));
        Assert.That(boards.Select(b => b.Kernels), Has.All.Null, "each board run has one kernel");
    }

    [Test]
    public void The_own_kernel_need_not_come_first()
    {
        var boards = BoardKernels.Expand([Board("b", "k612", "k61", "k612")]);

        Assert.That(boards.Select(b => b.Id), Is.EqualTo(new[] { "b+k61", "b" }));
    }

    [TestCase("qemu-arm64+debian-6.12-arm64", "qemu-arm64")]
    [TestCase("qemu-arm64", "qemu-arm64")]
    public void A_board_run_id_names_its_lab_json_board(string boardRunId, string board) =>
        Assert.That(BoardKernels.BoardOf(boardRunId), Is.EqualTo(board));
}
