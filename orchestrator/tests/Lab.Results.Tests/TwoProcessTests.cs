using System.Globalization;
using Lab.Orchestrator.Core.Results;

namespace Lab.Results.Tests;

[Category("Store")]
public sealed class TwoProcessTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("lab-store-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    [CancelAfter(120_000)]
    public async Task AfterKillMinusNineEveryWrittenResultIsKeptAndTheRunIsMarkedIncomplete(CancellationToken ct)
    {
        var path = Path.Combine(_dir, "results.db");
        string runId;
        int pid;
        var acknowledged = 0;
        using (var writer = new WriterProcess(path, count: 0, delayMs: 0))
        {
            pid = writer.Pid;
            runId = (await writer.ReadLineAsync(ct))["run ".Length..];
            while (acknowledged < 150)
            {
                acknowledged = int.Parse((await writer.ReadLineAsync(ct))["wrote ".Length..], CultureInfo.InvariantCulture);
            }

            writer.KillHard();
        }

        using var store = new LiteDbResultStore(path);
        var results = store.GetResults(runId);
        Assert.That(results, Has.Count.GreaterThanOrEqualTo(acknowledged), "a result the writer had returned from was lost");
        Assert.That(results.Select(r => r.TestId), Is.Unique);
        Assert.That(store.GetRun(runId)!.State, Is.EqualTo(RunState.Running), "before the next start, the run still says running");
        Assert.That(store.GetRun(runId)!.Counts.Total, Is.EqualTo(results.Count), "run counts are committed with each result");

        var marked = store.MarkAbandonedRuns(ProcessLiveness.IsAlive);

        Assert.That(marked, Is.EqualTo(new[] { runId }));
        var run = store.GetRun(runId)!;
        Assert.That(run.State, Is.EqualTo(RunState.Incomplete));
        Assert.That(run.Note, Does.Contain($"pid {pid}"));
        Assert.That(store.GetResults(runId), Has.Count.EqualTo(results.Count), "marking must not lose results");
        Assert.That(store.MarkAbandonedRuns(ProcessLiveness.IsAlive), Is.Empty, "marking is done once");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task TheDashboardCanReadWhileARunWritesFromAnotherProcess(CancellationToken ct)
    {
        var path = Path.Combine(_dir, "results.db");
        const int total = 200;
        using var writer = new WriterProcess(path, count: total, delayMs: 5);
        var runId = (await writer.ReadLineAsync(ct))["run ".Length..];
        var drain = Task.Run(async () =>
        {
            while (!(await writer.ReadLineAsync(ct)).StartsWith("finished", StringComparison.Ordinal))
            {
            }
        }, ct);

        using var reader = new LiteDbResultStore(path);
        var seen = new List<int>();
        while (!drain.IsCompleted)
        {
            seen.Add(reader.GetResults(runId).Count);
            Assert.That(reader.ListRuns(new RunQuery()).Select(r => r.Id), Does.Contain(runId));
            await Task.Delay(20, ct);
        }

        await drain;
        await writer.WaitAsync(ct);
        Assert.That(seen, Is.Ordered, "a reader must never see results disappear");
        Assert.That(seen.Any(n => n > 0 && n < total), Is.True, $"the reader should have seen the run part-way (saw {string.Join(",", seen.Distinct())})");
        var run = reader.GetRun(runId)!;
        Assert.That(run.State, Is.EqualTo(RunState.Completed));
        Assert.That(run.Counts.Total, Is.EqualTo(total));
        Assert.That(run.Counts.Fail, Is.EqualTo(total / 10));
        Assert.That(run.Status, Is.EqualTo(TestStatus.Fail));
    }
}
