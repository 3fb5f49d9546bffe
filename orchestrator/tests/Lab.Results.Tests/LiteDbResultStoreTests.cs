using Lab.Orchestrator.Core.Results;
using Microsoft.Extensions.Time.Testing;

namespace Lab.Results.Tests;

public sealed class LiteDbResultStoreTests
{
    private string _dir = null!;
    private FakeTimeProvider _time = null!;
    private LiteDbResultStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("lab-store-").FullName;
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        _store = new LiteDbResultStore(Path.Combine(_dir, "results.db"), _time);
    }

    [TearDown]
    public void TearDown()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private RunRecord Start(RunTrigger trigger = RunTrigger.Manual, string board = "qemu-arm64")
    {
        var run = _store.StartRun(trigger, "dev", [board], new BuildInfo("abc", KernelVersion: "6.1.0-56-arm64"));
        _store.UpsertBoardRun(new BoardRunRecord(run.Id, board, 1, "ok", null, _time.GetUtcNow(), null, StatusCounts.Empty));
        return run;
    }

    private TestResultRecord Result(RunRecord run, string test, TestStatus status, string board = "qemu-arm64") =>
        new(run.Id, board, test, status, TimeSpan.FromMilliseconds(12.5), _time.GetUtcNow(), "why", 22, "EINVAL",
            [new Measurement("dma.mbps", 11.5, "MB/s")], "log", ["dmesg line"]);

    [Test]
    public void ResultsRoundTripWithEveryField()
    {
        var run = Start();
        var written = Result(run, "vfio.amba.irq.unmask", TestStatus.Fail);
        _store.AddResult(written);

        var read = _store.GetResults(run.Id).Single();

        Assert.That(read with { Measurements = null, Dmesg = null }, Is.EqualTo(written with { Measurements = null, Dmesg = null }));
        Assert.That(read.Measurements, Is.EqualTo(written.Measurements));
        Assert.That(read.Dmesg, Is.EqualTo(written.Dmesg));
    }

    [Test]
    public void A_result_carries_its_board_runs_kernel_once_the_build_named_it_and_keeps_its_own()
    {
        var run = Start();
        _store.AddResult(Result(run, "before", TestStatus.Miss));
        var board = _store.GetBoardRuns(run.Id).Single();
        _store.UpsertBoardRun(board with { Kernel = "6.12.117+deb12-arm64" });
        _store.AddResult(Result(run, "after", TestStatus.Pass));
        _store.AddResult(Result(run, "own", TestStatus.Pass) with { Kernel = "7.2.13+deb14-arm64" });

        var kernels = _store.GetResults(run.Id).ToDictionary(r => r.TestId, r => r.Kernel);

        Assert.That(kernels, Is.EqualTo(new Dictionary<string, string?>
        {
            ["before"] = null, ["after"] = "6.12.117+deb12-arm64", ["own"] = "7.2.13+deb14-arm64",
        }));
    }

    [Test]
    public void EachResultUpdatesRunAndBoardCountsAndWorstStatus()
    {
        var run = Start();
        _store.AddResult(Result(run, "a", TestStatus.Pass));
        _store.AddResult(Result(run, "b", TestStatus.Skip));
        Assert.That(_store.GetRun(run.Id)!.Status, Is.EqualTo(TestStatus.Pass));
        _store.AddResult(Result(run, "c", TestStatus.Error));

        var stored = _store.GetRun(run.Id)!;
        var board = _store.GetBoardRuns(run.Id).Single();

        Assert.That(stored.Counts, Is.EqualTo(new StatusCounts(0, 1, 0, 1, 0, 1)));
        Assert.That(stored.Status, Is.EqualTo(TestStatus.Error));
        Assert.That(board.Counts, Is.EqualTo(stored.Counts));
        Assert.That(board.Status, Is.EqualTo(TestStatus.Error));
    }

    [Test]
    public void AResultForAnUnknownRunIsRefusedAndNothingIsWritten()
    {
        var run = Start();
        var ex = Assert.Throws<StoreException>(() => _store.AddResult(Result(run, "a", TestStatus.Pass) with { RunId = "nope" }));

        Assert.That(ex!.Message, Does.Contain("unknown run 'nope'"));
        Assert.That(_store.GetResults("nope"), Is.Empty, "the insert must roll back with the failed transaction");
    }

    [Test]
    public void RunsListNewestFirstWithFilters()
    {
        var first = Start(RunTrigger.Nightly);
        _time.Advance(TimeSpan.FromDays(1));
        var second = Start(RunTrigger.Manual, "exynos5");
        _store.AddResult(Result(second, "a", TestStatus.Fail, "exynos5"));

        Assert.That(_store.ListRuns(new RunQuery()).Select(r => r.Id), Is.EqualTo(new[] { second.Id, first.Id }));
        Assert.That(_store.ListRuns(new RunQuery(Trigger: RunTrigger.Nightly)).Single().Id, Is.EqualTo(first.Id));
        Assert.That(_store.ListRuns(new RunQuery(BoardId: "exynos5")).Single().Id, Is.EqualTo(second.Id));
        Assert.That(_store.ListRuns(new RunQuery(Status: TestStatus.Fail)).Single().Id, Is.EqualTo(second.Id));
        Assert.That(_store.ListRuns(new RunQuery(From: first.StartedAt.AddHours(1))).Single().Id, Is.EqualTo(second.Id));
    }

    [Test]
    public void HistoryOfACaseIsNewestFirstAndPerBoard()
    {
        for (var night = 0; night < 5; night++)
        {
            var run = Start();
            _store.AddResult(Result(run, "vfio.pci.dma.verify", night % 2 == 0 ? TestStatus.Pass : TestStatus.Fail));
            _store.AddResult(Result(run, "vfio.pci.dma.verify", TestStatus.Pass, "other-board"));
            _time.Advance(TimeSpan.FromDays(1));
        }

        var history = _store.GetHistory("vfio.pci.dma.verify", "qemu-arm64", limit: 3);

        Assert.That(history.Select(h => h.Status), Is.EqualTo(new[] { TestStatus.Pass, TestStatus.Fail, TestStatus.Pass }));
        Assert.That(history.Select(h => h.RecordedAt), Is.Ordered.Descending);
        Assert.That(history.Select(h => h.BoardId), Is.All.EqualTo("qemu-arm64"));
    }

    [Test]
    public void LargeLogsGoToFileStorageAndStayReachable()
    {
        var run = Start();
        var log = string.Concat(Enumerable.Repeat("[ 1.0] vfio-platform: line\n", 2000));
        _store.AddResult(Result(run, "big", TestStatus.Pass) with { LogExcerpt = log });

        var read = _store.GetResults(run.Id).Single();

        Assert.That(read.LogExcerpt, Has.Length.LessThan(LiteDbResultStore.InlineLogLimit + 100));
        Assert.That(read.LogId, Is.Not.Null);
        Assert.That(_store.ReadLog(read.LogId!), Is.EqualTo(log));
        Assert.That(_store.ReadLog("log/none"), Is.Null);
    }

    [Test]
    public void FinishingARunRecordsItsEnd()
    {
        var run = Start();
        _time.Advance(TimeSpan.FromMinutes(3));

        var finished = _store.FinishRun(run.Id, "all good");

        Assert.That(finished.State, Is.EqualTo(RunState.Completed));
        Assert.That(finished.Duration, Is.EqualTo(TimeSpan.FromMinutes(3)));
        Assert.That(_store.GetRun(run.Id), Is.EqualTo(finished).Using<RunRecord>((a, b) => a.Id == b.Id && a.State == b.State && a.EndedAt == b.EndedAt));
    }

    [Test]
    public void RunsAreMarkedIncompleteOnlyWhenTheirOwnerIsDead()
    {
        var alive = Start();
        var dead = _store.StartRun(RunTrigger.Nightly, "cron", ["b"], new BuildInfo("x"));

        var marked = _store.MarkAbandonedRuns(_ => false);

        Assert.That(marked, Is.EquivalentTo(new[] { alive.Id, dead.Id }));
        Assert.That(_store.MarkAbandonedRuns(_ => false), Is.Empty);
        var fresh = Start();
        Assert.That(_store.MarkAbandonedRuns(_ => true), Is.Empty, "a live owner's run is left running");
        Assert.That(_store.GetRun(fresh.Id)!.State, Is.EqualTo(RunState.Running));
    }

    [Test]
    public void Runs_started_in_the_same_second_get_distinct_ids()
    {
        // The clock stands still: 16 random bits per second make 1,000 runs in one second collide almost surely
        // (1 - e^-7.6); a collision used to fail StartRun.
        var ids = Enumerable.Range(0, 1000).Select(_ => _store.StartRun(RunTrigger.Manual, "t", ["b"], new BuildInfo("x")).Id).ToList();
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void The_lease_of_a_run_whose_writer_died_is_freed_with_the_run()
    {
        var dead = Start();
        Assert.That(_store.TryAcquireLease("a", "lab run (dead)", dead.Id, TimeSpan.FromMinutes(5)), Is.Not.Null);
        Assert.That(_store.TryAcquireLease("b", "a bench session", null, TimeSpan.FromMinutes(5)), Is.Not.Null);

        _store.MarkAbandonedRuns(_ => false);

        Assert.That(_store.GetLeases().Select(l => l.BoardId), Is.EquivalentTo(new[] { "b" }), "a lease of no run is left to expire");
        Assert.That(_store.TryAcquireLease("a", "lab serve", null, TimeSpan.FromMinutes(5)), Is.Not.Null);
    }

    [Test]
    public void ThisProcessIsAliveAndADeadPidIsNot()
    {
        var run = Start();
        Assert.That(ProcessLiveness.IsAlive(run.Owner), Is.True);
        Assert.That(ProcessLiveness.IsAlive(run.Owner with { ProcessStartedAt = run.Owner.ProcessStartedAt.AddHours(-1) }), Is.False,
            "a reused PID is not the owner");
        Assert.That(ProcessLiveness.IsAlive(run.Owner with { Pid = int.MaxValue }), Is.False);
        Assert.That(ProcessLiveness.IsAlive(run.Owner with { Host = "elsewhere" }), Is.True, "another host's run is not guessed at");
    }

    [Test]
    public void LeasesExcludeOthersUntilTheyExpire()
    {
        Assert.That(_store.TryAcquireLease("qemu-arm64", "alice", null, TimeSpan.FromMinutes(5)), Is.Not.Null);
        Assert.That(_store.TryAcquireLease("qemu-arm64", "bob", null, TimeSpan.FromMinutes(5)), Is.Null);
        Assert.That(_store.GetLeases().Single().Holder, Is.EqualTo("alice"));

        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.That(_store.GetLeases(), Is.Empty, "an unrenewed lease expires by itself");
        Assert.That(_store.TryAcquireLease("qemu-arm64", "bob", "run-1", TimeSpan.FromMinutes(5))!.Holder, Is.EqualTo("bob"));
        Assert.That(_store.RenewLease("qemu-arm64", "alice", TimeSpan.FromMinutes(5)), Is.False);
        _store.ReleaseLease("qemu-arm64", "bob");
        Assert.That(_store.GetLeases(), Is.Empty);
    }
}
