using System.Diagnostics;
using System.Globalization;
using Lab.Orchestrator.Bench;
using Lab.Orchestrator.Core.Jobs;
using Lab.Orchestrator.Core.Results;
using Lab.Results;

// The scheduler of lab serve, with the service's own options, driving fake boards over a real LiteDB store while
// 1,000 jobs wait: jobs started per second, the process's CPU (cores) and peak memory, lease renewals per second,
// measured over a window in which every board is busy. The reference, measured in the same run, is the same
// process with the store open and nothing to do.
var boards = Arg(0, 64);
var jobs = Arg(1, 1000);
var jobMs = Arg(2, 10_000);
var renewMs = Arg(3, 1000); // lab run renews every 30 s: this is 30 times as often
var windowSeconds = Arg(4, 60);
var dir = Directory.CreateTempSubdirectory("lab-sched-bench-").FullName;
try
{
    using var store = new LiteDbResultStore(Path.Combine(dir, "results.db"));
    var ids = Enumerable.Range(0, boards).Select(i => $"board-{i:D2}").ToList();
    foreach (var id in ids)
    {
        store.SaveBoardHealth(new BoardHealth(id, BoardCondition.Good, DateTimeOffset.UtcNow, 0, null));
    }

    for (var i = 0; i < jobs; i++)
    {
        store.SubmitJob(new JobSpec([ids[i % boards]], "vfio.*", RunTrigger.Manual, "bench", (JobPriority)(i % 3)));
    }

    var runner = new FakeBoardRunner(store, TimeSpan.FromMilliseconds(jobMs), TimeSpan.FromMilliseconds(renewMs));
    var scheduler = new JobScheduler(store, runner, null, new SchedulerOptions
    {
        MaxParallelBoards = boards,
        Self = store.Self,
        WorkerAlive = _ => true,
        Leases = store.GetLeases,
    }, TimeProvider.System);

    using var self = Process.GetCurrentProcess();
    using var stop = new CancellationTokenSource();
    var loop = scheduler.RunAsync(stop.Token);
    while (runner.Running < boards)
    {
        await Task.Delay(100);
    }

    var started0 = jobs - store.ListJobs(0).Count(j => j.State == JobState.Queued);
    var renewals0 = runner.Renewals;
    var busy = new List<int>();
    var (cpu, wall) = await MeasureAsync(self, async () =>
    {
        var end = Stopwatch.StartNew();
        while (end.Elapsed < TimeSpan.FromSeconds(windowSeconds))
        {
            busy.Add(runner.Running);
            await Task.Delay(250);
        }
    });
    var started = jobs - store.ListJobs(0).Count(j => j.State == JobState.Queued) - started0;
    var renewals = runner.Renewals - renewals0;
    var stillQueued = store.ListJobs(0).Count(j => j.State == JobState.Queued);
    await stop.CancelAsync();
    await loop;
    var (idleCpu, idleWall) = await MeasureAsync(self, () => Task.Delay(TimeSpan.FromSeconds(5)));
    self.Refresh();
    Console.WriteLine($"scheduler benchmark: {boards} fake boards, {jobs} queued jobs of {jobMs} ms, lease renewed every {renewMs} ms, " +
        $"lab serve's scheduler options (poll 1 s), real LiteDB store, {windowSeconds} s window with every board busy");
    Console.WriteLine("| figure | value |");
    Console.WriteLine("| --- | --- |");
    Console.WriteLine($"| boards running at once (mean, min of 4 samples/s) | {busy.Average():F1}, {busy.Min()} of {boards} |");
    Console.WriteLine($"| jobs started per second | {started / wall.TotalSeconds:F1} ({started} in {wall.TotalSeconds:F0} s; {stillQueued} still queued) |");
    Console.WriteLine($"| CPU | {cpu.TotalSeconds / wall.TotalSeconds:F3} cores (idle reference {idleCpu.TotalSeconds / idleWall.TotalSeconds:F3}) |");
    Console.WriteLine($"| peak working set | {self.PeakWorkingSet64 / (1024 * 1024)} MB |");
    Console.WriteLine($"| lease renewals per second | {renewals / wall.TotalSeconds:F1} (asked: {boards * 1000.0 / renewMs:F0}) |");
    return 0;
}
finally
{
    Directory.Delete(dir, recursive: true);
}

int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;

static async Task<(TimeSpan Cpu, TimeSpan Wall)> MeasureAsync(Process self, Func<Task> work)
{
    self.Refresh();
    var cpu0 = self.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    await work();
    self.Refresh();
    return (self.TotalProcessorTime - cpu0, clock.Elapsed);
}
