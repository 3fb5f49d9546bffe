using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lab.Orchestrator.Core.Results;
using Lab.Results;

namespace Lab.Orchestrator.Tests.Cli;

/// <summary>The real <c>lab</c> program, run as a process: exit codes, stderr, and clean <c>--json</c>.</summary>
public sealed class LabCliTests
{
    private string _dir = null!;

    private static string RepoLabJson
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lab.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir!.FullName, "lab.json");
        }
    }

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("lab-cli-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Lab(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "lab.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }

    [Test]
    public async Task Run_plan_prints_the_steps_and_the_pairs_without_touching_a_board_or_the_store()
    {
        var lab = CopyLab();

        var (code, stdout, stderr) = await Lab("run", "--plan", lab);

        var run = stdout.Split('\n').Where(l => l.StartsWith("    run  ", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(stdout, Does.Contain("step power-on").And.Contain("step deploy-modules").And.Contain("step restore").And.Contain("120 s per case"));
            Assert.That(run, Does.Contain("    run  vfio.amba.irq.rtc_match@pl031"));
            Assert.That(run, Does.Not.Contain("    run  vfio.common.dma.map_flags@pl031"), "a type1 case on a no-IOMMU device is not planned");
            Assert.That(stdout, Does.Contain("n/a  vfio.common.dma.map_flags@pl031: needs --iommu type1"));
            Assert.That(stdout, Does.Contain("    run  vfio.amba.pl330.memcpy@mdma"), "the armv7 board's PL330s");
            Assert.That(stdout, Does.Contain($"plan: {run.Count} (case, device) pairs on {stdout.Split('\n').Count(l => l.StartsWith("board ", StringComparison.Ordinal))} board(s)"));
            Assert.That(File.Exists(Path.Combine(_dir, ".lab", "results.db")), Is.False, "no store was opened");
            Assert.That(Directory.Exists(Path.Combine(_dir, ".lab", "runs")), Is.False, "no run was started");
        });
    }

    [Test]
    public async Task A_physical_board_without_power_commands_is_refused_before_anything_is_touched()
    {
        var lab = CopyLab(l =>
        {
            var board = l["boards"]![0]!.AsObject();
            board["kind"] = "ssh";
            board.Remove("qemu");
            board["ssh"] = new JsonObject { ["host"] = "192.0.2.1", ["port"] = 22, ["hostKey"] = "SHA256:" + new string('A', 43) };
            foreach (var d in board["devices"]!.AsArray())
            {
                d!.AsObject().Remove("disk");
            }
        });

        var (code, _, stderr) = await Lab("run", "--plan", lab);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("$.boards[0].power").And.Contain("'on' and 'off'"));
    }

    [TestCase("empty")]
    [TestCase("random")]
    [TestCase("truncated")]
    public async Task A_damaged_store_is_refused_by_a_reading_command_naming_its_path_and_is_not_changed(string damage)
    {
        var lab = CopyLab();
        var store = Path.Combine(_dir, ".lab", "results.db");
        Directory.CreateDirectory(Path.GetDirectoryName(store)!);
        if (damage == "truncated")
        {
            // A real store with runs in it, cut in half.
            using (var s = new LiteDbResultStore(store))
            {
                for (var i = 0; i < 50; i++)
                {
                    var run = s.StartRun(RunTrigger.Manual, "t", ["qemu-arm64"], new BuildInfo("x"));
                    s.SaveLog("log", new string('x', 20_000));
                    s.FinishRun(run.Id);
                }
            }

            var bytes = await File.ReadAllBytesAsync(store);
            await File.WriteAllBytesAsync(store, bytes[..(bytes.Length / 2)]);
        }
        else
        {
            await File.WriteAllBytesAsync(store, damage == "empty" ? [] : System.Security.Cryptography.RandomNumberGenerator.GetBytes(64 * 1024));
        }

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(store)));

        var (code, stdout, stderr) = await Lab("results", lab);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(3), stdout + stderr);
            Assert.That(stderr, Does.Contain(store), "the message names the store");
            Assert.That(stderr, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(stderr.Trim().Split('\n'), Has.Length.LessThanOrEqualTo(2));
            Assert.That(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(store))), Is.EqualTo(hash), "the file is unchanged");
            Assert.That(File.Exists(store + "-log"), Is.False, "no log file was made beside it");
        });
    }

    [Test]
    public async Task Results_of_a_lab_without_a_store_yet_create_no_file()
    {
        var lab = CopyLab();

        var (code, _, _) = await Lab("results", lab);

        Assert.That(code, Is.Zero);
        Assert.That(File.Exists(Path.Combine(_dir, ".lab", "results.db")), Is.False);
    }

    [Test]
    public async Task A_device_name_with_a_newline_or_a_huge_value_is_refused_and_echoed_short_and_escaped()
    {
        var huge = new string('x', 10 * 1024 * 1024);
        var lab = CopyLab(l =>
        {
            l["boards"]![0]!["devices"]![0]!["name"] = "rng\n[qemu-arm64] PASS vfio.fake@x";
            l["boards"]![0]!["devices"]![1]!["name"] = huge;
        });

        var (code, _, stderr) = await Lab("validate", lab);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("$.boards[0].devices[0].name").And.Contain("rng\\n[qemu-arm64]"), "the newline is shown escaped");
            Assert.That(stderr.Split('\n'), Has.None.StartWith("[qemu-arm64] PASS"), "no fake progress line");
            Assert.That(stderr, Does.Contain("$.boards[0].devices[1].name"));
            Assert.That(stderr.Length, Is.LessThan(10_000), "the 10 MB value is not echoed whole");
        });
    }

    [Test]
    public async Task Lab_bisect_refuses_a_tree_without_drivers_vfio_a_tree_that_is_not_git_and_a_case_pattern()
    {
        var plain = Directory.CreateTempSubdirectory("lab-notgit-").FullName;
        Directory.CreateDirectory(Path.Combine(plain, "drivers", "vfio"));
        try
        {
            var (noVfio, _, noVfioErr) = await Lab("bisect", "--tree", "/nonexistent", "--good", "v6.1", "--bad", "HEAD", "--case", "vfio.common.device.info", CopyLab());
            var (notGit, _, notGitErr) = await Lab("bisect", "--tree", plain, "--good", "v6.1", "--bad", "HEAD", "--case", "vfio.common.device.info", CopyLab());
            var (pattern, _, patternErr) = await Lab("bisect", "--tree", plain, "--good", "v6.1", "--bad", "HEAD", "--case", "vfio.*", CopyLab());
            var (unknown, _, unknownErr) = await Lab("bisect", "--tree", plain, "--good", "v6.1", "--bad", "HEAD", "--case", "vfio.common.no_such_case", CopyLab());

            Assert.Multiple(() =>
            {
                Assert.That((noVfio, noVfioErr), Is.EqualTo((2, "lab bisect: --tree /nonexistent: no drivers/vfio there\n")));
                Assert.That(notGit, Is.EqualTo(2), notGitErr);
                Assert.That(notGitErr, Does.Contain($"{plain} is not a git tree"));
                Assert.That(pattern, Is.EqualTo(2), patternErr);
                Assert.That(patternErr, Does.Contain("is not a case id"));
                Assert.That(unknown, Is.EqualTo(2), unknownErr);
                Assert.That(unknownErr, Does.Contain("case vfio.common.no_such_case runs on no device of board 'qemu-arm64'"));
            });
        }
        finally
        {
            Directory.Delete(plain, recursive: true);
        }
    }

    [Test]
    public async Task An_unknown_command_or_option_exits_2_naming_it()
    {
        var (code, _, stderr) = await Lab("reflash", "--help");
        var (optionCode, _, optionErr) = await Lab("run", "--no-such-flag", CopyLab());

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("unknown command 'reflash'"));
            Assert.That(optionCode, Is.EqualTo(2));
            Assert.That(optionErr, Does.Contain("unknown option '--no-such-flag'"));
        });
    }

    // A copy of the shipped lab.json in a temp folder, so the store the test writes is its own.
    private string CopyLab(Action<JsonObject>? change = null)
    {
        var lab = Run.RepoFiles.LabJson();
        change?.Invoke(lab);
        var path = Path.Combine(_dir, "lab.json");
        File.WriteAllText(path, lab.ToJsonString());
        return path;
    }

    [Test]
    public async Task The_plan_of_the_shipped_lab_takes_the_board_through_both_of_its_kernels()
    {
        var (code, stdout, stderr) = await Lab("run", "--plan", RepoLabJson);

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("qemu-arm64").And.Contain("qemu-arm64+debian-6.12-arm64"));
    }

    [Test]
    public async Task ValidateAcceptsTheShippedLab()
    {
        var (code, stdout, _) = await Lab("validate", RepoLabJson);

        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("ok (3 boards, 8 devices under test)"));
    }

    [Test]
    public async Task ValidatePrintsEveryProblemAndExitsTwo()
    {
        var path = CopyLab(l =>
        {
            l["boards"]![0]!["ssh"]!["port"] = 70000;
            l["nightly"]!["cron"] = "nope";
        });

        var (code, _, stderr) = await Lab("validate", path);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("2 problems"));
        Assert.That(stderr, Does.Contain("$.boards[0].ssh.port: port 70000 is out of range"));
        Assert.That(stderr, Does.Contain("$.nightly.cron:"));
    }

    [Test]
    public async Task UnknownCommandsAndOptionsAreBadInput()
    {
        Assert.That((await Lab("frobnicate")).Code, Is.EqualTo(2));
        Assert.That((await Lab("results", "--no-such-option")).Code, Is.EqualTo(2));
        Assert.That((await Lab()).Code, Is.EqualTo(2), "no command is a usage error (help is printed)");
    }

    [Test]
    public async Task BoardsListsEveryDevice()
    {
        var (code, stdout, _) = await Lab("boards", RepoLabJson);

        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("qemu-arm64").And.Contain("exynos4210").And.Contain("zynq"));
        Assert.That(stdout.Split('\n').Count(l => l.Contains("vfio-")), Is.EqualTo(8), "4 devices on qemu-arm64, 3 PL330s on exynos4210, 1 on zynq");
    }

    [Test]
    public async Task ResultsJsonIsPureJsonWithTheStoredRun()
    {
        var path = CopyLab();
        string runId;
        using (var store = new LiteDbResultStore(Path.Combine(_dir, ".lab", "results.db")))
        {
            var run = store.StartRun(RunTrigger.Manual, "dev", ["qemu-arm64"], new BuildInfo("h"));
            runId = run.Id;
            store.UpsertBoardRun(new BoardRunRecord(runId, "qemu-arm64", 1, "ok", null, DateTimeOffset.UtcNow, null, StatusCounts.Empty, Kernel: "7.2.13+deb14-arm64"));
            store.AddResult(new TestResultRecord(runId, "qemu-arm64", "vfio.container.api_version", TestStatus.Pass, TimeSpan.FromMilliseconds(3), DateTimeOffset.UtcNow));
            store.AddResult(new TestResultRecord(runId, "qemu-arm64", "vfio.group.bad_fd", TestStatus.Fail, TimeSpan.FromMilliseconds(4), DateTimeOffset.UtcNow, "expected EBADF", 9, "EBADF"));
            store.FinishRun(runId);
        }

        var (listCode, list, _) = await Lab("results", "--json", path);
        var (runCode, detail, _) = await Lab("results", "--run", runId, "--json", path);

        Assert.That(listCode, Is.Zero);
        Assert.That(runCode, Is.Zero);
        using var listDoc = JsonDocument.Parse(list);
        Assert.That(listDoc.RootElement.GetProperty("runs")[0].GetProperty("id").GetString(), Is.EqualTo(runId));
        Assert.That(listDoc.RootElement.GetProperty("runs")[0].GetProperty("status").GetString(), Is.EqualTo("FAIL"));
        using var detailDoc = JsonDocument.Parse(detail);
        var results = detailDoc.RootElement.GetProperty("results");
        Assert.That(results.GetArrayLength(), Is.EqualTo(2));
        // Both were recorded within the same millisecond: find the failed one by id, not by position.
        var failed = results.EnumerateArray().Single(r => r.GetProperty("test").GetString() == "vfio.group.bad_fd");
        Assert.That(failed.GetProperty("errnoName").GetString(), Is.EqualTo("EBADF"));
        Assert.That(failed.GetProperty("kernel").GetString(), Is.EqualTo("7.2.13+deb14-arm64"), "a result names the kernel that produced it");
        Assert.That(detailDoc.RootElement.GetProperty("boards")[0].GetProperty("kernel").GetString(), Is.EqualTo("7.2.13+deb14-arm64"));
    }

    [Test]
    public async Task TheDashboardRefusesANonLoopbackAddress()
    {
        var (code, _, stderr) = await Lab("dashboard", "--urls", "http://0.0.0.0:5099", CopyLab());

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("not a loopback address"));
    }

    [Test]
    public async Task AnUnknownRunIsBadInput()
    {
        var (code, _, stderr) = await Lab("results", "--run", "19700101-000000-dead", CopyLab());

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("no run '19700101-000000-dead'"));
    }
}
