using System.Globalization;
using Lab.Orchestrator.Core.Bisect;
using Lab.Orchestrator.Core.Results;
using Lab.Results;
using Microsoft.Extensions.Time.Testing;

namespace Lab.Dashboard.Tests.Support;

/// <summary>
/// Seeds a store through <see cref="LiteDbResultStore"/> with a realistic lab: four boards, eight nights, a case that
/// regresses on one board (with a kernel WARNING and an oops on the console), one that is fixed everywhere, one that
/// flips on one board, stress cases with measurements, a SKIP with a reason, an incomplete run, and a manual run whose
/// case name, reason and log carry HTML/script payloads.
/// </summary>
public static class LabSeeder
{
    public const string Regressing = "vfio.platform.irq.unmask_eventfd";
    public const string RegressingBoard = "rpi4";
    public const string Fixed = "vfio.platform.reset.hard_reset";
    public const string Flaky = "vfio.platform.irq.mask";
    public const string FlakyBoard = "rockpro64";
    public const string Dma = "vfio.stress.dma_throughput";
    public const string XssCase = "vfio.xss.<script>window.__xss=1</script>";
    public const string XssLog = "<script>window.__xss=2</script><img src=x onerror=\"window.__xss=3\">";
    public const int Nights = 8;
    public const int RegressionNight = 6;
    public const int FixedNight = 4;

    public static readonly IReadOnlyList<string> BoardIds = ["juno-r2", "qemu-arm64", "rockpro64", "rpi4"];

    public static readonly IReadOnlyList<string> CaseIds =
    [
        "vfio.platform.open_device",
        "vfio.platform.region.info",
        "vfio.platform.region.mmap",
        Regressing,
        Flaky,
        Fixed,
        "vfio.negative.bad_argsz",
        "vfio.platform.feature.iommu_group",
        Dma,
        "vfio.stress.map_unmap",
        "vfio.stress.irq_rate",
    ];

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

    public static SeededLab Seed(string storePath)
    {
        var time = new FakeTimeProvider(Start);
        var nightly = new List<string>();
        string xss = string.Empty;
        string incomplete = string.Empty;
        string bisection;
        using (var store = new LiteDbResultStore(storePath, time, new RunOwner("labhost", 4242, Start)))
        {
            for (var night = 0; night < Nights; night++)
            {
                time.SetUtcNow(Start.AddDays(night));
                nightly.Add(Night(store, time, night));
                if (night == 2)
                {
                    time.SetUtcNow(Start.AddDays(night).AddHours(9));
                    incomplete = Incomplete(store, time);
                }

                if (night == 5)
                {
                    time.SetUtcNow(Start.AddDays(night).AddHours(14));
                    xss = Xss(store, time);
                }
            }

            time.Advance(TimeSpan.FromMinutes(5));
            store.TryAcquireLease("qemu-arm64", "alice@devbox", null, TimeSpan.FromHours(2));
            bisection = Bisection(store, time, nightly);
        }

        return new SeededLab(storePath, BoardIds, CaseIds, nightly, xss, incomplete, time.GetUtcNow()) { BisectionId = bisection };
    }

    /// <summary>Three steps over eight commits; the first bad commit's subject carries markup.</summary>
    private static string Bisection(LiteDbResultStore store, FakeTimeProvider time, IReadOnlyList<string> runs)
    {
        static string Sha(char c) => new(c, 40);
        var b = store.StartBisection(new BisectionRecord(string.Empty, "/home/dev/linux", Sha('0'), Sha('8'), Regressing, RegressingBoard, time.GetUtcNow())
        {
            Candidates = 8,
        });
        BisectionStep[] steps =
        [
            new(Sha('4'), "vfio/platform: <script>alert(1)</script> refuse unknown ioctls", runs[^1], BisectVerdict.Bad, $"{Regressing}@dev FAIL (EINVAL)"),
            new(Sha('2'), "vfio: comment", runs[^2], BisectVerdict.Good, $"{Regressing}@dev PASS"),
            new(Sha('3'), "vfio/amba: comment", runs[^3], BisectVerdict.Skip, "lab.board.build MISS: the module build failed"),
        ];
        store.SaveBisection(b with
        {
            Steps = steps, EndedAt = time.GetUtcNow().AddMinutes(4), FirstBad = steps[0].Commit, FirstBadSubject = steps[0].Subject, Note = "first bad commit",
        });
        return b.Id;
    }

    private static string Night(LiteDbResultStore store, FakeTimeProvider time, int night)
    {
        var build = Build(night);
        var run = store.StartRun(RunTrigger.Nightly, "nightly", BoardIds, new BuildInfo(build.LabJsonHash));
        store.UpdateBuild(run.Id, build, store.SaveLog("modules-build.log", BuildLog(night)));
        foreach (var board in BoardIds)
        {
            var console = store.SaveLog($"{run.Id}/{board}/console.log", Console(board, night));
            var dmesg = store.SaveLog($"{run.Id}/{board}/dmesg.log", "[    0.000000] Booting Linux on physical CPU 0x0\n[    2.100000] vfio-platform: probe ok\n");
            var started = time.GetUtcNow();
            store.UpsertBoardRun(new BoardRunRecord(run.Id, board, 1, "ok", null, started, started.AddMinutes(20), StatusCounts.Empty, console, dmesg, build.KernelReleases[0]));
            foreach (var testId in CaseIds)
            {
                var duration = TimeSpan.FromMilliseconds(200 + (37 * testId.Length) + (night * 3));
                time.Advance(duration);
                store.AddResult(Result(run.Id, board, testId, night, duration, time.GetUtcNow()));
            }
        }

        time.Advance(TimeSpan.FromMinutes(3));
        store.FinishRun(run.Id);
        return run.Id;
    }

    private static TestResultRecord Result(string runId, string board, string testId, int night, TimeSpan duration, DateTimeOffset at)
    {
        var r = new TestResultRecord(runId, board, testId, TestStatus.Pass, duration, at, LogExcerpt: $"# {testId}\nok 1 {testId}\n");
        switch (testId)
        {
            case Regressing when board == RegressingBoard && night >= RegressionNight:
                return r with
                {
                    Status = TestStatus.Fail,
                    Reason = "VFIO_DEVICE_SET_IRQS(ACTION_UNMASK|DATA_EVENTFD) returned -1",
                    Errno = 22,
                    ErrnoName = "EINVAL",
                    LogExcerpt = $"# {testId}\n# VFIO_DEVICE_SET_IRQS: errno 22 (EINVAL), expected 0\nnot ok 1 {testId}\n",
                    Dmesg =
                    [
                        "[  812.331200] WARNING: CPU: 2 PID: 311 at drivers/vfio/platform/vfio_platform_irq.c:214 vfio_platform_set_irqs_ioctl+0x1c/0x30 [vfio_platform_base]",
                        "[  812.331260] Call trace:",
                        "[  812.331270]  vfio_platform_set_irqs_ioctl+0x1c/0x30 [vfio_platform_base]",
                    ],
                };
            case Flaky when board == FlakyBoard && night % 2 == 1:
                return r with { Status = TestStatus.Fail, Reason = "eventfd not signalled within 100 ms", LogExcerpt = $"not ok 1 {testId}\n" };
            case Fixed when night < FixedNight:
                return r with { Status = TestStatus.Fail, Reason = "device did not come back after VFIO_DEVICE_RESET", Errno = 16, ErrnoName = "EBUSY" };
            case "vfio.negative.bad_argsz":
                return r with { Errno = 22, ErrnoName = "EINVAL", Reason = "expected EINVAL for argsz=4 and got it" };
            case "vfio.platform.feature.iommu_group" when board == "qemu-arm64":
                return r with { Status = TestStatus.Skip, Reason = "board has no SMMU: needs feature iommu" };
            case Dma:
                return r with { Measurements = [new Measurement("dma_read", 850 + (12 * night) + board.Length, "MB/s"), new Measurement("dma_write", 700 + (9 * night), "MB/s")] };
            case "vfio.stress.map_unmap":
                return r with { Measurements = [new Measurement("map_unmap", 41000 - (300 * night), "ops/s")] };
            case "vfio.stress.irq_rate":
                return r with { Measurements = [new Measurement("irq_rate", 98000 + (night * 150), "irq/s"), new Measurement("irq_latency_p99", 14.5 + (night * 0.2), "us")] };
            default:
                return r;
        }
    }

    private static string Xss(LiteDbResultStore store, FakeTimeProvider time)
    {
        var run = store.StartRun(RunTrigger.Manual, "mallory <b>bold</b>", ["qemu-arm64"], new BuildInfo("<i>hash</i>", KernelVersion: "6.1.0-<script>x</script>"));
        var started = time.GetUtcNow();
        store.UpsertBoardRun(new BoardRunRecord(run.Id, "qemu-arm64", 1, "ok <u>html</u>", null, started, started.AddMinutes(1), StatusCounts.Empty));
        time.Advance(TimeSpan.FromSeconds(2));
        store.AddResult(new TestResultRecord(
            run.Id, "qemu-arm64", XssCase, TestStatus.Fail, TimeSpan.FromSeconds(2), time.GetUtcNow(),
            Reason: "<script>window.__xss=4</script>", ErrnoName: "<b>EINVAL</b>", LogExcerpt: XssLog,
            Dmesg: ["[ 1.0] BUG: <script>window.__xss=5</script>"]));
        time.Advance(TimeSpan.FromSeconds(2));
        store.AddResult(new TestResultRecord(run.Id, "qemu-arm64", "vfio.platform.open_device", TestStatus.Pass, TimeSpan.FromSeconds(1), time.GetUtcNow()));
        store.FinishRun(run.Id, "manual run with hostile text");
        return run.Id;
    }

    private static string Incomplete(LiteDbResultStore store, FakeTimeProvider time)
    {
        var run = store.StartRun(RunTrigger.Manual, "bob", ["juno-r2"], new BuildInfo("c0ffee"));
        var started = time.GetUtcNow();
        store.UpsertBoardRun(new BoardRunRecord(run.Id, "juno-r2", 2, "broken: no console after power cycle", null, started, null, StatusCounts.Empty));
        time.Advance(TimeSpan.FromSeconds(30));
        store.AddResult(new TestResultRecord(run.Id, "juno-r2", "vfio.platform.open_device", TestStatus.Miss, TimeSpan.FromSeconds(30), time.GetUtcNow(), Reason: "board did not boot"));
        store.MarkAbandonedRuns(_ => false);
        return run.Id;
    }

    private static BuildInfo Build(int night) => new(
        "9f2c" + night.ToString(CultureInfo.InvariantCulture),
        "6.1.0-" + (50 + (night / 3)).ToString(CultureInfo.InvariantCulture) + "-arm64",
        "debian 6.1.19" + (night / 3).ToString(CultureInfo.InvariantCulture),
        night >= RegressionNight ? "pq-new-irq-path-3b7e" : "pq-base-a1d0",
        "ko-" + night.ToString(CultureInfo.InvariantCulture),
        "agent-77aa");

    private static string BuildLog(int night) =>
        $"make -C /lib/modules/6.1.0-arm64/build M=kernel/vfio modules\n  CC [M]  vfio_platform_irq.o\n  LD [M]  vfio_platform.ko\nnight {night}: done\n";

    private static string Console(string board, int night)
    {
        var lines = new List<string> { "U-Boot 2023.01", "Starting kernel ...", "[    0.000000] Booting Linux on physical CPU 0x0" };
        foreach (var testId in CaseIds)
        {
            lines.Add($"# {testId}: start");
            if (testId == Regressing && board == RegressingBoard && night >= RegressionNight)
            {
                lines.Add("[  812.331500] Unable to handle kernel NULL pointer dereference at virtual address 0000000000000008");
                lines.Add("[  812.331600] Internal error: Oops: 96000005 [#1] SMP");
            }

            lines.Add($"ok {testId}");
        }

        lines.Add("reboot: Power down");
        return string.Join('\n', lines);
    }
}
