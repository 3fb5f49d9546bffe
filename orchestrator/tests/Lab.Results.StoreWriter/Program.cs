using System.Globalization;
using Lab.Orchestrator.Core.Results;
using Lab.Results;

// Usage: StoreWriter STORE COUNT DELAY_MS
// Starts a run, writes COUNT results (forever when COUNT is 0), printing "wrote N" after each returns,
// then finishes the run and prints "finished RUN_ID".
var path = args[0];
var count = int.Parse(args[1], CultureInfo.InvariantCulture);
var delay = TimeSpan.FromMilliseconds(int.Parse(args[2], CultureInfo.InvariantCulture));
using var store = new LiteDbResultStore(path);
var run = store.StartRun(RunTrigger.Manual, "store-writer", ["qemu-arm64"], new BuildInfo("0000"));
store.UpsertBoardRun(new BoardRunRecord(run.Id, "qemu-arm64", 1, "ok", null, DateTimeOffset.UtcNow, null, StatusCounts.Empty));
Console.WriteLine("run " + run.Id);
for (var i = 1; count == 0 || i <= count; i++)
{
    var status = i % 10 == 0 ? TestStatus.Fail : TestStatus.Pass;
    store.AddResult(new TestResultRecord(
        run.Id, "qemu-arm64", "vfio.writer.case_" + i.ToString("D5", CultureInfo.InvariantCulture), status,
        TimeSpan.FromMilliseconds(i), DateTimeOffset.UtcNow, Measurements: [new Measurement("n", i, "")]));
    Console.WriteLine("wrote " + i.ToString(CultureInfo.InvariantCulture));
    if (delay > TimeSpan.Zero)
    {
        await Task.Delay(delay);
    }
}

store.FinishRun(run.Id);
Console.WriteLine("finished " + run.Id);
