using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Pipeline;

namespace Lab.Orchestrator.Core.Tests.Pipeline;

public sealed class BoardStepsTests
{
    private static readonly LabConfig _lab = new()
    {
        Kernels = new Dictionary<string, KernelConfig> { ["k"] = new() },
        Boards = [],
    };

    [Test]
    public void Steps_are_named_in_run_order_with_their_timeouts_from_lab_json()
    {
        var t = new TimeoutsConfig { BuildSeconds = 11, PowerSeconds = 12, BootSeconds = 13, DeploySeconds = 14, SetupSeconds = 15, CaseSeconds = 16 };

        Assert.Multiple(() =>
        {
            Assert.That(BoardSteps.All.Select(BoardSteps.Name), Is.EqualTo(new[]
            {
                "build", "power-on", "boot", "deploy-modules", "bind", "deploy-agent", "cases", "restore", "power-off",
            }));
            Assert.That(BoardSteps.All.Select(s => BoardSteps.Timeout(s, t).TotalSeconds), Is.EqualTo(new double[] { 11, 12, 13, 14, 15, 14, 16, 15, 12 }));
        });
    }

    [Test]
    public void A_board_is_checked_before_it_is_touched()
    {
        var ssh = new BoardConfig { Id = "b", Kind = BoardKind.Ssh, Arch = BoardArch.Arm64, Kernel = "nope", Devices = [] };
        var fvp = ssh with { Kind = BoardKind.Fvp, Kernel = "k" };
        var zero = ssh with { Kernel = "k", Power = new PowerConfig { On = ["on"], Off = ["off"] }, Timeouts = new TimeoutsConfig { BootSeconds = 0 } };

        Assert.Multiple(() =>
        {
            Assert.That(BoardSteps.Check(ssh, _lab), Is.EquivalentTo(new[] { "kernel 'nope' is not defined in lab.json", "an ssh board needs power.on and power.off" }));
            Assert.That(BoardSteps.Check(fvp, _lab), Is.EqualTo(new[] { "an fvp board needs its fvp settings (model)" }));
            Assert.That(BoardSteps.Check(zero, _lab), Is.EqualTo(new[] { "step boot has no time (timeouts)" }));
        });
    }
}
