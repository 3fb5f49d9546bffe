using System.Diagnostics;
using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Results;
using Lab.Results;

namespace Lab.Orchestrator.Core.Tests.Pipeline;

/// <summary>
/// The board pipeline's failure paths on a fake board (the real kinds have their Qemu-category tests): boot
/// timeout, a power command failing, a silent console, an SSH drop, an agent that dies, a case that hangs, a board
/// that freezes, a kernel release that does not match the modules.
/// </summary>
public sealed class BoardPipelineTests
{
    private const string One = "vfio.common.fake.one";
    private const string Two = "vfio.common.fake.two";
    private const string Stress = "vfio.common.stress.fake";
    private string _dir = null!;
    private LiteDbResultStore _store = null!;
    private string _runId = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("pipeline-").FullName;
        _store = new LiteDbResultStore(Path.Combine(_dir, "results.db"));
    }

    [TearDown]
    public void TearDown()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task A_board_that_passes_runs_every_planned_case_restores_its_devices_and_is_powered_off()
    {
        var (board, fake) = Board();

        var (summary, results, pipeline) = await RunAsync(board, fake);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => $"{r.TestId} {r.Status}"), Is.EquivalentTo(new[]
            {
                $"{One}@a Pass", $"{Two}@a Pass", $"{One}@b Pass", $"{Two}@b Pass",
            }));
            Assert.That(summary.Health, Is.EqualTo("ok"));
            Assert.That(summary.Attempts, Is.EqualTo(1));
            Assert.That(fake.Calls.Count(c => c.Contains("bind-device.sh' 'restore'", StringComparison.Ordinal)), Is.EqualTo(2), "both devices restored");
            Assert.That(fake.Calls[^2..], Is.EqualTo(new[] { "power off", "dispose" }));
            Assert.That(pipeline.State.History, Is.EqualTo(new[] { "Off", "Booted", "ModulesLoaded", "DevicesBound", "Booted", "Off" }));
        });
    }

    [Test]
    public async Task A_boot_that_never_answers_is_retried_then_ends_in_a_boot_miss_that_says_the_console_stayed_silent()
    {
        var (board, fake) = Board(retries: 1);
        fake.HangBoots = 5;
        var clock = Stopwatch.StartNew();

        var (summary, results, pipeline) = await RunAsync(board, fake);

        var miss = results.Single();
        Assert.Multiple(() =>
        {
            Assert.That(miss.TestId, Is.EqualTo("lab.board.boot"));
            Assert.That(miss.Status, Is.EqualTo(TestStatus.Miss));
            Assert.That(miss.Reason, Does.Contain("boot did not finish within 1 s").And.Contain("the console stayed silent"));
            Assert.That(summary.Attempts, Is.EqualTo(2), "retries + 1 attempts");
            Assert.That(fake.Calls.Count(c => c == "power on"), Is.EqualTo(2));
            Assert.That(fake.Calls.Count(c => c == "power off"), Is.EqualTo(2), "off after the failed attempt and at the end");
            Assert.That(pipeline.State.History, Does.Contain("Broken"));
            Assert.That(_store.GetBoardRuns(_runId).Single().Attempts, Is.EqualTo(2), "the board run records the attempts");
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "bounded by the boot timeout per attempt");
        });
    }

    [Test]
    public async Task A_console_that_printed_something_is_not_called_silent()
    {
        var (board, fake) = Board(retries: 0);
        fake.HangBoots = 1;
        fake.ConsoleText = "U-Boot 2024.01\nStarting kernel ...\n";

        var (_, results, _) = await RunAsync(board, fake);

        Assert.That(results.Single().Reason, Does.Contain("boot did not finish").And.Not.Contain("silent"));
        Assert.That(results.Single().LogExcerpt, Does.Contain("Starting kernel"), "the MISS carries the console tail");
    }

    [Test]
    public async Task A_power_command_that_fails_once_is_retried_and_the_run_goes_on()
    {
        var (board, fake) = Board(retries: 2);
        fake.FailPowerOn = 1;

        var (summary, results, _) = await RunAsync(board, fake);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Status), Has.All.EqualTo(TestStatus.Pass), "only the last attempt's results exist");
            Assert.That(results, Has.Count.EqualTo(4));
            Assert.That(summary.Attempts, Is.EqualTo(2));
            Assert.That(summary.Health, Is.EqualTo("ok"));
        });
    }

    [Test]
    public async Task A_power_command_that_keeps_failing_ends_in_a_power_on_miss_naming_the_command_output()
    {
        var (board, fake) = Board(retries: 2);
        fake.FailPowerOn = 10;

        var (summary, results, _) = await RunAsync(board, fake);

        Assert.Multiple(() =>
        {
            Assert.That(results.Single().TestId, Is.EqualTo("lab.board.power-on"));
            Assert.That(results.Single().Reason, Does.Contain("relay: device busy"));
            Assert.That(summary.Attempts, Is.EqualTo(3));
            Assert.That(summary.Health, Is.EqualTo("power-on failed"));
        });
    }

    [Test]
    public async Task An_ssh_drop_during_the_cases_resets_the_board_and_the_cases_not_started_run_after_it_one_device_at_a_time()
    {
        var (board, fake) = Board();
        fake.DropLinkAfter["a"] = 0;

        var (summary, results, _) = await RunAsync(board, fake);

        var byId = results.ToDictionary(r => r.TestId);
        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Count.EqualTo(4), "one result per (case, device), nothing twice, no harness error");
            Assert.That(byId[$"{One}@a"].Status, Is.EqualTo(TestStatus.Error), "the case running at the drop is named and an ERROR");
            Assert.That(byId[$"{One}@a"].Reason, Does.Contain("interrupted").And.Contain("connection to the board lost"));
            Assert.That(byId[$"{Two}@a"].Status, Is.EqualTo(TestStatus.Pass), "a case that had not started runs after the reset");
            Assert.That(byId[$"{One}@b"].Status, Is.EqualTo(TestStatus.Pass), "the other device's cases, cut off before they started, ran after the reset");
            Assert.That(byId[$"{Two}@b"].Status, Is.EqualTo(TestStatus.Pass));
            Assert.That(fake.Calls.Count(c => c == "power reset"), Is.EqualTo(1));
            Assert.That(fake.Calls.Count(c => c.Contains("bind-device.sh' 'bind'", StringComparison.Ordinal)), Is.EqualTo(4), "both devices bound again after the reset");
            Assert.That(fake.Calls.Count(c => c.Contains("'--cases' 'vfio.common.fake.two'", StringComparison.Ordinal)), Is.EqualTo(1), "a's remaining case ran on its own");
            Assert.That(summary.Recoveries, Has.Count.EqualTo(1).And.All.Contains("link was lost during the cases"));
            Assert.That(summary.Health, Is.EqualTo("ok after 1 recovery"));
        });
    }

    [Test]
    public async Task When_the_board_cannot_be_brought_back_every_case_that_did_not_run_is_a_miss_under_its_own_id()
    {
        var (board, fake) = Board();
        fake.DropLinkAfter["a"] = 1;
        fake.FailReset = true;

        var (summary, results, _) = await RunAsync(board, fake);

        var byId = results.ToDictionary(r => r.TestId);
        Assert.Multiple(() =>
        {
            Assert.That(byId[$"{One}@a"].Status, Is.EqualTo(TestStatus.Pass));
            Assert.That(byId[$"{Two}@a"].Status, Is.EqualTo(TestStatus.Error), "interrupted");
            Assert.That(byId["lab.board.power-on"].Reason, Does.Contain("power reset"));
            Assert.That(byId[$"{One}@b"].Status, Is.EqualTo(TestStatus.Miss));
            Assert.That(byId[$"{Two}@b"].Reason, Does.StartWith("not run: the board failed"));
            Assert.That(summary.Health, Is.EqualTo("power-on failed"));
            Assert.That(fake.Calls[^1], Is.EqualTo("dispose"), "the board is still powered off and released");
        });
    }

    [Test]
    public async Task A_link_lost_before_the_agent_printed_anything_runs_its_cases_after_the_reset()
    {
        var (board, fake) = Board();
        fake.DropBeforeOutput.Add("a");

        var (summary, results, _) = await RunAsync(board, fake);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => (r.TestId, r.Status)), Is.EquivalentTo(new[]
            {
                ($"{One}@a", TestStatus.Pass), ($"{Two}@a", TestStatus.Pass), ($"{One}@b", TestStatus.Pass), ($"{Two}@b", TestStatus.Pass),
            }), "no case had started: all run after the reset, once each");
            Assert.That(summary.Recoveries, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_link_lost_as_the_stress_agents_start_runs_their_stress_cases_after_the_reset_one_device_at_a_time()
    {
        var (board, fake) = Board();
        fake.DropBeforeStressOutput.Add("b");

        var (summary, results, _) = await RunAsync(board, fake, withStress: true);

        var stressCalls = fake.Calls.Where(c => c.Contains("'--area' 'stress'", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => r.TestId.StartsWith(Stress, StringComparison.Ordinal)).Select(r => (r.TestId, r.Status)), Is.EquivalentTo(new[]
            {
                ($"{Stress}@a", TestStatus.Pass), ($"{Stress}@b", TestStatus.Pass),
            }), "the stress case cut off before it started runs after the reset, once, and passes");
            Assert.That(stressCalls.Select(c => DeviceOf(c)), Is.EqualTo(new[] { "a", "b", "b" }), "a's agent first, b's once a's printed its first line, b's again alone");
            Assert.That(summary.Recoveries, Has.Count.EqualTo(1).And.All.Contains("stress pass"));
        });
    }

    [Test]
    public async Task When_the_board_drops_again_while_cases_run_on_their_own_the_case_that_was_to_run_is_an_error()
    {
        var (board, fake) = Board();
        fake.DropLinkAfter["a"] = 0;
        fake.DropBeforeOutputAfterReset = "a";

        var (_, results, _) = await RunAsync(board, fake);

        var byId = results.ToDictionary(r => r.TestId);
        Assert.Multiple(() =>
        {
            Assert.That(byId[$"{One}@a"].Status, Is.EqualTo(TestStatus.Error));
            Assert.That(byId[$"{Two}@a"].Status, Is.EqualTo(TestStatus.Error), "on its own, a lost link blames the case that was to run");
            Assert.That(byId[$"{One}@b"].Status, Is.EqualTo(TestStatus.Pass));
            Assert.That(results.Where(r => !r.TestId.StartsWith("lab.", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(4), "no case twice");
        });
    }

    [Test]
    public async Task An_agent_channel_that_closes_with_no_output_and_no_exit_status_is_run_once_more()
    {
        var (board, fake) = Board();
        fake.EmptyChannelOnce.Add("a");

        var (_, results, _) = await RunAsync(board, fake);

        Assert.That(results.Where(r => r.TestId.EndsWith("@a", StringComparison.Ordinal)).Select(r => r.Status), Has.All.EqualTo(TestStatus.Pass));
        Assert.That(fake.Calls.Count(c => c.Contains("'--device' 'a'", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(2), "the agent was started again");
    }

    [Test]
    public async Task An_agent_that_dies_leaves_its_unreported_case_as_an_error_and_the_next_device_runs_without_a_reset()
    {
        var (board, fake) = Board();
        fake.KillAgentAfter["a"] = 1;

        var (summary, results, _) = await RunAsync(board, fake);

        Assert.Multiple(() =>
        {
            Assert.That(results.Single(r => r.Status == TestStatus.Error).Reason, Does.Contain("agent exit status 137"));
            Assert.That(results.Single(r => r.Status == TestStatus.Error).TestId, Is.EqualTo($"{Two}@a"));
            Assert.That(results.Single(r => r.TestId == $"{One}@a").Status, Is.EqualTo(TestStatus.Pass), "what arrived before the agent died is kept");
            Assert.That(results.Count(r => r.Status == TestStatus.Pass), Is.EqualTo(3));
            Assert.That(fake.Calls, Has.None.EqualTo("power reset"));
            Assert.That(summary.Recoveries, Is.Empty);
        });
    }

    [Test]
    public async Task A_hung_case_is_stopped_after_the_case_timeout_and_the_board_goes_on()
    {
        var (board, fake) = Board();
        fake.HangCaseAfter["a"] = 0;

        var (_, results, _) = await RunAsync(board, fake);

        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => r.Status == TestStatus.Error).Select(r => r.Reason), Has.All.Contains("no result within the case timeout of 1 s; agent stopped"));
            Assert.That(fake.Calls, Has.Some.StartsWith("pkill -f"), "the device's agent is stopped");
            Assert.That(results.Where(r => r.TestId.EndsWith("@b", StringComparison.Ordinal)).Select(r => r.Status), Has.All.EqualTo(TestStatus.Pass));
        });
    }

    [Test]
    public async Task A_board_that_freezes_in_a_case_is_reset_and_the_next_device_runs()
    {
        var (board, fake) = Board();
        fake.FreezeAfter["a"] = 1;

        var (summary, results, _) = await RunAsync(board, fake);

        Assert.Multiple(() =>
        {
            Assert.That(results.Single(r => r.Status == TestStatus.Error).Reason, Does.Contain("the board does not answer"));
            Assert.That(fake.Calls.Count(c => c == "power reset"), Is.EqualTo(1));
            Assert.That(results.Where(r => r.TestId.EndsWith("@b", StringComparison.Ordinal)).Select(r => r.Status), Is.EqualTo(new[] { TestStatus.Pass, TestStatus.Pass }));
            Assert.That(summary.Recoveries, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_kernel_panic_on_the_console_fails_the_running_case_within_seconds_and_the_board_is_reset()
    {
        var (board, fake) = Board(caseSeconds: 60);
        fake.PanicAt["a"] = 1;
        var clock = Stopwatch.StartNew();

        var (summary, results, _) = await RunAsync(board, fake);

        var byId = results.ToDictionary(r => r.TestId);
        Assert.Multiple(() =>
        {
            Assert.That(byId[$"{One}@a"].Status, Is.EqualTo(TestStatus.Pass));
            Assert.That(byId[$"{Two}@a"].Status, Is.EqualTo(TestStatus.Fail), "a panic is the kernel's fault: FAIL, under the case's own id");
            Assert.That(byId[$"{Two}@a"].Reason, Does.Contain("kernel panic during the case: [   42.000000] Kernel panic - not syncing"));
            Assert.That(byId[$"{One}@b"].Status, Is.EqualTo(TestStatus.Pass), "the board was reset and the next device ran");
            Assert.That(fake.Calls, Has.Some.EqualTo("power reset"));
            Assert.That(summary.Recoveries.Single(), Does.Contain("kernel panic"));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "not the 60 s case timeout");
        });
    }

    [Test]
    public async Task A_board_that_stops_answering_ends_the_running_case_as_an_error_long_before_the_case_timeout()
    {
        var (board, fake) = Board(caseSeconds: 120);
        fake.FreezeAfter["a"] = 1;
        var clock = Stopwatch.StartNew();

        var (_, results, _) = await RunAsync(board, fake);

        var frozen = results.Single(r => r.TestId == $"{Two}@a");
        Assert.Multiple(() =>
        {
            Assert.That(frozen.Status, Is.EqualTo(TestStatus.Error), "a frozen board is the lab's problem, not the kernel's");
            Assert.That(frozen.Reason, Does.Contain("board"));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "the SSH probe notices within its timeout");
            Assert.That(results.Single(r => r.TestId == $"{One}@b").Status, Is.EqualTo(TestStatus.Pass));
        });
    }

    [Test]
    public async Task A_kernel_warning_in_a_case_s_dmesg_fails_that_case_even_when_the_case_passed()
    {
        var (board, fake) = Board();
        fake.DmesgAt["b"] = (0, "[   12.5] WARNING: CPU: 1 PID: 201 at drivers/vfio/vfio_main.c:123 vfio_device_put+0x40/0x50");

        var (_, results, _) = await RunAsync(board, fake);

        var byId = results.ToDictionary(r => r.TestId);
        Assert.Multiple(() =>
        {
            Assert.That(byId[$"{One}@b"].Status, Is.EqualTo(TestStatus.Fail));
            Assert.That(byId[$"{One}@b"].Reason, Does.StartWith("kernel WARNING during the case: [   12.5] WARNING: CPU: 1 PID: 201"));
            Assert.That(byId[$"{Two}@b"].Status, Is.EqualTo(TestStatus.Pass), "only the case it happened in");
        });
    }

    [Test]
    public async Task Modules_built_for_another_kernel_stop_the_run_before_loading_naming_both_releases()
    {
        var (board, fake) = Board();
        fake.ModulesInImage = false;
        fake.Release = "6.12.57+deb13-arm64";

        var (_, results, _) = await RunAsync(board, fake);

        Assert.Multiple(() =>
        {
            Assert.That(results.Single().TestId, Is.EqualTo("lab.board.deploy-modules"));
            Assert.That(results.Single().Reason, Does.Contain("6.12.57+deb13-arm64").And.Contain("6.1.0-57-arm64"));
            Assert.That(fake.Calls, Has.None.StartsWith("'insmod'"));
            Assert.That(fake.Calls.Count(c => c == "power on"), Is.EqualTo(1), "a wrong kernel is not an infrastructure failure: no retry");
        });
    }

    [Test]
    public async Task Uploaded_modules_are_loaded_in_dependency_order_and_unloaded_in_reverse_after_the_run()
    {
        var (board, fake) = Board();
        fake.ModulesInImage = false;

        await RunAsync(board, fake);

        var insmod = fake.Calls.Where(c => c.StartsWith("'insmod'", StringComparison.Ordinal)).Select(c => Path.GetFileNameWithoutExtension(c.Split('\'')[3])).ToList();
        var rmmod = fake.Calls.Where(c => c.StartsWith("'rmmod'", StringComparison.Ordinal)).Select(c => c.Split('\'')[3]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(insmod, Is.EqualTo(VfioModuleLoad.Defaults.Select(m => m.Module.Replace('-', '_'))), "the default load order, each after its dependencies");
            Assert.That(rmmod, Is.EqualTo(insmod.AsEnumerable().Reverse()), "unloaded in reverse");
            Assert.That(fake.Calls, Has.Some.EqualTo("'insmod' '/run/vfiolab/modules/vfio.ko' 'enable_unsafe_noiommu_mode=1'"), "with the parameters");
            Assert.That(fake.Calls.IndexOf(fake.Calls.First(c => c.StartsWith("'rmmod'", StringComparison.Ordinal))),
                Is.GreaterThan(fake.Calls.FindLastIndex(c => c.Contains("'restore'", StringComparison.Ordinal))), "drivers restored before the modules go");
        });
    }

    [Test]
    public async Task A_mono_agent_is_uploaded_as_one_archive_and_unpacked_before_any_case_runs()
    {
        var (board, fake) = Board();

        var (summary, results, _) = await RunAsync(board, fake, agentArchive: "/build/lab-agent.tar.gz");

        var unpack = fake.Calls.FindIndex(c => c.Contains("tar -xzf '/run/vfiolab/agent.tar.gz' -C '/run/vfiolab/agent'", StringComparison.Ordinal));
        var firstCase = fake.Calls.FindIndex(c => c.Contains("'--device'", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(summary.Health, Is.EqualTo("ok"));
            Assert.That(results, Has.All.Property(nameof(TestResultRecord.Status)).EqualTo(TestStatus.Pass));
            Assert.That(fake.Calls.Count(c => c == "upload /run/vfiolab/agent.tar.gz"), Is.EqualTo(1), "one upload for all the assemblies");
            Assert.That(unpack, Is.GreaterThan(fake.Calls.IndexOf("upload /run/vfiolab/agent.tar.gz")), "unpacked after the upload");
            Assert.That(fake.Calls[unpack], Does.StartWith("rm -rf '/run/vfiolab/agent'"), "into an emptied directory");
            Assert.That(firstCase, Is.GreaterThan(unpack), "before the first agent runs");
        });
    }

    [Test]
    public async Task An_agent_archive_that_does_not_unpack_is_a_deploy_miss_that_quotes_tar()
    {
        var (board, fake) = Board();
        fake.FailCommandsContaining = "tar -xzf";
        fake.FailingStderr = "tar: short read";

        var (_, results, _) = await RunAsync(board, fake, agentArchive: "/build/lab-agent.tar.gz");

        var miss = results.Single();
        Assert.Multiple(() =>
        {
            Assert.That(miss.TestId, Is.EqualTo("lab.board.deploy-agent"));
            Assert.That(miss.Status, Is.EqualTo(TestStatus.Miss));
            Assert.That(miss.Reason, Does.Contain("/run/vfiolab/agent.tar.gz").And.Contain("tar: short read"));
            Assert.That(fake.Calls, Has.None.Contains("'--device'"), "no agent runs");
        });
    }

    private static (BoardConfig Board, FakeBoard Fake) Board(int retries = 0, int caseSeconds = 1)
    {
        var board = new BoardConfig
        {
            Id = "fake",
            Kind = BoardKind.Ssh,
            Arch = BoardArch.Arm64,
            Kernel = "k",
            Retries = retries,
            Power = new PowerConfig { On = ["relay", "on"], Off = ["relay", "off"] },
            Timeouts = new TimeoutsConfig { BuildSeconds = 5, PowerSeconds = 5, BootSeconds = 1, DeploySeconds = 5, SetupSeconds = 5, CaseSeconds = caseSeconds, BoardSeconds = 180 },
            Devices =
            [
                new DeviceConfig { Name = "a", Match = new DeviceMatch { SysfsName = "a" }, Driver = VfioDriver.VfioPlatform, Iommu = IommuMode.NoIommu },
                new DeviceConfig { Name = "b", Match = new DeviceMatch { SysfsName = "b" }, Driver = VfioDriver.VfioPlatform, Iommu = IommuMode.NoIommu },
            ],
            Suites = ["s"],
        };
        return (board, new FakeBoard(board));
    }

    private static string DeviceOf(string command) => command.Split("'--device' '", 2)[1].Split('\'', 2)[0];

    private async Task<(BoardSummary Summary, IReadOnlyList<TestResultRecord> Results, BoardPipeline Pipeline)> RunAsync(BoardConfig board, FakeBoard fake, bool withStress = false, string? agentArchive = null)
    {
        var lab = new LabConfig
        {
            Kernels = new Dictionary<string, KernelConfig>
            {
                ["k"] = new() { ModuleParams = new Dictionary<string, string> { ["vfio"] = "enable_unsafe_noiommu_mode=1" } },
            },
            Suites = new Dictionary<string, SuiteConfig> { ["s"] = new() { Cases = ["vfio.*"] } },
            Boards = [board],
        };
        var runId = _runId = _store.StartRun(RunTrigger.Manual, "test", [board.Id], new BuildInfo("lab")).Id;
        var context = new BoardRunContext(
            _store, new RunProgress(TextWriter.Null), TimeProvider.System, lab, new RunRequest(null, null, RunTrigger.Manual), runId, _dir,
            new FakeBuilder(agentArchive), new FakeFactory(fake), new FakePlanner(withStress ? [Stress] : []));
        var pipeline = new BoardPipeline(context, board);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var summary = await pipeline.RunAsync(cts.Token);
        return (summary, _store.GetResults(runId), pipeline);
    }

    private sealed class FakeBuilder(string? agentArchive) : IBoardBuilder
    {
        public Task<BoardArtifacts> BuildAsync(BoardConfig board, CancellationToken ct) => Task.FromResult(new BoardArtifacts(
            "6.1.0-57-arm64",
            [
                new BoardModule("vfio_pci", "/build/vfio_pci.ko", ["vfio_pci_core", "vfio"]),
                new BoardModule("vfio_platform", "/build/vfio_platform.ko", ["vfio_platform_base", "vfio"]),
                new BoardModule("vfio_amba", "/build/vfio_amba.ko", ["vfio_platform_base", "vfio"]),
                new BoardModule("vfio_platform_base", "/build/vfio_platform_base.ko", ["vfio_virqfd", "vfio"]),
                new BoardModule("vfio_pci_core", "/build/vfio_pci_core.ko", ["vfio_virqfd", "vfio", "irqbypass"]),
                new BoardModule("vfio_virqfd", "/build/vfio_virqfd.ko", []),
                new BoardModule("vfio_iommu_type1", "/build/vfio_iommu_type1.ko", ["vfio"]),
                new BoardModule("vfio", "/build/vfio.ko", []),
            ],
            "/repo/kernel/bind-device.sh",
            null));

        public Task<AgentFiles> BuildAgentAsync(BoardConfig board, CancellationToken ct) => Task.FromResult(new AgentFiles("/build/lab-agent", agentArchive));
    }

    private sealed class FakeFactory(FakeBoard fake) : IBoardFactory
    {
        public IBoard Create(BoardConfig board, BoardArtifacts artifacts, string runDirectory) => fake;
    }

    private sealed class FakePlanner(IReadOnlyList<string> stress) : ICasePlanner
    {
        public DevicePlan Plan(BoardConfig board, DeviceConfig device, IReadOnlyList<string> patterns) => new(device.Name, [One, Two], stress, []);
    }
}
