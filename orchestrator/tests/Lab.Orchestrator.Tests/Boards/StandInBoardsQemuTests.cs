using System.Globalization;
using System.Text.Json;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Kernel;
using Lab.Orchestrator.Run;
using Lab.Orchestrator.Tests.Run;
using Lab.Orchestrator.Tests.Support;
using Lab.Results;

namespace Lab.Orchestrator.Tests.Boards;

/// <summary>
/// The <c>ssh</c> and <c>fvp</c> kinds end to end, against stand-ins that speak the same protocols (no physical
/// board and no FVP model can be had here): a "physical" board whose power commands are a script that starts and
/// stops a QEMU board and whose console is a command reading its serial file, and a model executable
/// (Lab.FvpStandIn) that prints the FVP terminal banner, serves telnet terminals and boots QEMU behind them. Both
/// boot an image WITHOUT the VFIO modules, so the run must upload and insmod them; after the run the board must be
/// back on its original drivers with no VFIO module loaded.
/// </summary>
[Category("Qemu")]
[NonParallelizable]
public sealed class StandInBoardsQemuTests
{
    private static readonly string[] _cases = ["vfio.*"];
    private string _dir = null!;
    private BoardImageInfo _image = null!;

    [OneTimeSetUp]
    public async Task BuildTheImageWithoutModules()
    {
        Prerequisites.RequireQemuBoardHost();
        Prerequisites.RequireOnPath("ssh", "qemu");
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var runner = new ScriptRunner(TimeProvider.System);
        var kernel = await new DebianKernel(runner, SharedQemuBoard.LogDirectory).FetchAsync("arm64", cts.Token);
        _image = await new BoardImage(runner, SharedQemuBoard.LogDirectory).BuildAsync(kernel.EnvPath, "none", null, cts.Token);
    }

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("lab-standin-").FullName;

    [TearDown]
    public void TearDown()
    {
        // The stand-in physical board is powered by a script: make sure no QEMU of this test outlives it.
        var pid = Path.Combine(_dir, "board", "qemu.pid");
        if (File.Exists(pid) && int.TryParse(File.ReadAllText(pid).Trim(), CultureInfo.InvariantCulture, out var p))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(p).Kill();
            }
            catch (ArgumentException)
            {
                // Gone, as it should be.
            }
        }

        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task A_physical_board_gets_its_modules_uploaded_passes_the_catalog_and_is_restored()
    {
        var port = Lab.Orchestrator.Boards.Qemu.FreePort.OnLoopback();
        var state = Path.Combine(_dir, "board");
        string[] Power(string action) => ["bash", RepoFiles.Path("orchestrator/tests/Lab.Orchestrator.Tests/StandIns/physical-board-power.sh"), action, state, _image.Directory, port.ToString(CultureInfo.InvariantCulture)];
        var board = new Dictionary<string, object?>
        {
            ["id"] = "standin-physical",
            ["kind"] = "ssh",
            ["ssh"] = new { host = "127.0.0.1", port, user = "root", keyFile = _image.LabKeyPath, hostKey = _image.HostKeySha256 },
            ["power"] = new { on = Power("on"), off = Power("off"), reset = Power("reset") },
            ["console"] = new { command = new[] { "tail", "-n", "+1", "-F", Path.Combine(state, "serial.log") } },
        };

        var (run, store) = await RunAsync(board);
        using (store)
        {
            var snapshot = await File.ReadAllTextAsync(Path.Combine(state, "after-run.txt"));
            var boardRun = store.GetBoardRuns(run.Id).Single();
            var console = store.ReadLog(boardRun.ConsoleLogId!);
            AssertCatalogPassed(store, run, boardRun);
            AssertRestored(snapshot);
            Assert.Multiple(() =>
            {
                Assert.That(console, Does.Contain("Linux version").And.Contain("VFIOLAB-BOARD-READY"), "the console command's capture is stored");
                Assert.That(File.ReadAllText(Path.Combine(_dir, ".lab", "runs", run.Id, "standin-physical", "power.log")),
                    Does.Contain("# power on").And.Contain("# power off"), "the power commands and their output are kept");
            });
        }
    }

    [Test]
    public async Task An_fvp_model_is_started_its_terminals_attached_and_the_catalog_passes_with_uploaded_modules()
    {
        var model = Path.Combine(TestContext.CurrentContext.TestDirectory, "Lab.FvpStandIn");
        var board = new Dictionary<string, object?>
        {
            ["id"] = "standin-fvp",
            ["kind"] = "fvp",
            ["ssh"] = new { host = "127.0.0.1", port = 0, user = "root", hostKey = "pin-on-first-boot" },
            ["fvp"] = new
            {
                model,
                parameters = new[] { "bp.virtio_net.enabled=1", "bp.virtio_net.hostbridge.userNetworking=1", "bp.virtio_net.hostbridge.userNetPorts={sshPort}=22" },
                arguments = new[] { "--data", "cluster0.cpu0={kernel}@0x80080000", "--data", "cluster0.cpu0={initrd}@0x84000000" },
                consoleTerminal = "terminal_0",
            },
        };

        var (run, store) = await RunAsync(board);
        using (store)
        {
            var boardRun = store.GetBoardRuns(run.Id).Single();
            var boardDir = Path.Combine(_dir, ".lab", "runs", run.Id, "standin-fvp");
            AssertCatalogPassed(store, run, boardRun);
            Assert.Multiple(() =>
            {
                Assert.That(store.ReadLog(boardRun.ConsoleLogId!), Does.Contain("Linux version").And.Contain("VFIOLAB-BOARD-READY"),
                    "terminal_0 is the console, captured without telnet commands");
                Assert.That(store.ReadLog(boardRun.ConsoleLogId!), Does.Not.Contain("\xff"), "telnet commands are filtered out");
                foreach (var t in new[] { "terminal_1", "terminal_2", "terminal_3" })
                {
                    Assert.That(File.ReadAllText(Path.Combine(boardDir, t + ".log")), Is.EqualTo($"FVP stand-in {t}: no UART output here\r\n"),
                        $"{t} was attached and drained");
                }

                Assert.That(File.ReadAllText(Path.Combine(boardDir, "model.log")), Does.Contain("-C bp.virtio_net.hostbridge.userNetPorts="),
                    "the model's command line is kept");
            });
            // Killed with its process group when the board powered off; the kernel reaps it a moment later on a busy host.
            var reaped = System.Diagnostics.Stopwatch.StartNew();
            while (System.Diagnostics.Process.GetProcessesByName("Lab.FvpStandIn").Length > 0 && reaped.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(100);
            }

            Assert.That(System.Diagnostics.Process.GetProcessesByName("Lab.FvpStandIn"), Is.Empty, "the model is stopped by the run");
            Assert.That(ProcessProbe.Qemus(",server=on,wait=on"), Is.Empty, "and so is what the model started (its process group)");
        }
    }

    private static void AssertCatalogPassed(LiteDbResultStore store, RunRecord run, BoardRunRecord boardRun)
    {
        var results = store.GetResults(run.Id);
        var bad = results.Where(r => r.Status is not TestStatus.Pass).Select(r => $"{r.TestId} {r.Status} {r.Reason}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(bad, Is.Empty, "every result passes");
            Assert.That(results.Count(r => r.TestId.EndsWith("@pl031", StringComparison.Ordinal)), Is.GreaterThan(30), "the catalog ran on the PL031");
            Assert.That(results.Count(r => r.TestId.EndsWith("@edu", StringComparison.Ordinal)), Is.GreaterThan(30), "the catalog ran on edu");
            Assert.That(results.Count(r => r.TestId.EndsWith("@virtio-rng", StringComparison.Ordinal)), Is.GreaterThan(30), "the catalog ran on virtio-rng");
            Assert.That(run.Status, Is.EqualTo(TestStatus.Pass));
            Assert.That(boardRun.Health, Is.EqualTo("ok"));
            Assert.That(boardRun.Attempts, Is.EqualTo(1));
        });
    }

    private static void AssertRestored(string snapshot)
    {
        string Section(string name) => snapshot.Split("== " + name + "\n", 2)[1].Split("== ", 2)[0];
        var modules = Section("modules").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var drivers = Section("drivers").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1]);
        Assert.Multiple(() =>
        {
            Assert.That(Section("extra").Trim(), Is.Empty, "the image carried no VFIO modules: they were uploaded");
            Assert.That(modules.Where(m => m.StartsWith("vfio", StringComparison.Ordinal)), Is.Empty, "the uploaded modules were unloaded");
            Assert.That(drivers.Values.Where(d => d.StartsWith("vfio", StringComparison.Ordinal)), Is.Empty, "no device stays on a VFIO driver");
            Assert.That(drivers.Where(d => d.Key.EndsWith(".virtio_mmio", StringComparison.Ordinal) && d.Value != "none").Select(d => d.Value),
                Has.All.EqualTo("virtio-mmio").And.Not.Empty, "the virtio transports are back on virtio-mmio");
            Assert.That(drivers["9010000.pl031"], Is.EqualTo("rtc-pl031"), "the PL031 is back on its RTC driver");
        });
    }

    private async Task<(RunRecord Run, LiteDbResultStore Store)> RunAsync(Dictionary<string, object?> board)
    {
        var repo = LabConfigLoader.Load(RepoFiles.Path("lab.json")).Config!;
        var kernel = repo.Kernels["debian-6.1-arm64"];
        board["arch"] = "arm64";
        board["kernel"] = "debian-6.1";
        board["timeouts"] = new { bootSeconds = 180, caseSeconds = 120, boardSeconds = 1800 };
        board["devices"] = new object[]
        {
            new { name = "virtio-rng", match = new { virtioDeviceId = 4 }, driver = "vfio-platform", iommu = "noiommu", features = new[] { "edge-irq", "virtio-mmio", "virtio-entropy", "unmapped-region", "dma" } },
            new { name = "pl031", match = new { compatible = "arm,pl031" }, driver = "vfio-amba", iommu = "noiommu", features = new[] { "level-irq", "mmap", "pl031" } },
            new { name = "edu", match = new { pci = "1234:11e8" }, driver = "vfio-pci", iommu = "type1", features = new[] { "edu", "msi", "intx", "mmap", "unmapped-region", "dma" } },
        };
        board["suites"] = new[] { "all" };
        var lab = new
        {
            store = "results.db",
            kernels = new Dictionary<string, object>
            {
                ["debian-6.1"] = new { source = "debian", debianAbi = "current", patchQueue = RepoFiles.Path(kernel.PatchQueue!), moduleParams = kernel.ModuleParams },
            },
            suites = new Dictionary<string, object> { ["all"] = new { cases = _cases, stressSeconds = 3 } },
            boards = new[] { board },
        };
        var path = Path.Combine(_dir, "lab.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(lab));
        var loaded = LabConfigLoader.Load(path);
        Assert.That(loaded.Errors, Is.Empty, "the stand-in lab.json validates");
        var request = new RunRequest(null, null, RunTrigger.Manual);
        var boards = LabRun.SelectBoards(loaded.Config!, request, out _)!;
        var store = new LiteDbResultStore(Path.Combine(_dir, "results.db"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var outcome = await new LabRun(loaded, store, new RunProgress(TestContext.Progress), TimeProvider.System).ExecuteAsync(request, boards, cts.Token);
        return (store.GetRun(outcome.Run.Id)!, store);
    }

}
