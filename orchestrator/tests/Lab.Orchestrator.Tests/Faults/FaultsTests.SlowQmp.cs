using System.Diagnostics;
using System.Net.Sockets;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Tests.Run;
using Lab.Orchestrator.Tests.Support;
using Lab.Results;

namespace Lab.Orchestrator.Tests.Faults;

public sealed partial class FaultsTests
{
    /// <summary>
    /// A QEMU that answers QMP late (seen in CI: four stress loops on two host cores) is busy, not frozen. QEMU serves
    /// one QMP client at a time, so a test client that takes the monitor and keeps it makes every watch question wait
    /// for its greeting, as a loaded QEMU does; for 12 s, three watch probes, under the 20 s silence limit.
    /// </summary>
    [Test]
    public async Task A_board_slow_to_answer_qmp_for_a_while_is_not_called_frozen()
    {
        Prerequisites.RequireQemuBoardHost();
        await SharedQemuBoard.ImageAsync(CancellationToken.None);
        var progress = new LineCapture(TestContext.Progress);
        using var store = new LiteDbResultStore(Path.Combine(_dir, "results.db"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        // A stress pass of 15 s keeps the run going past the 12 s hold (the first pass alone now ends sooner).
        var (running, run, _) = await StartUntilPl031Async(store, progress, cts.Token, stressSeconds: 15);

        var qmp = RepoFiles.Path(Path.Combine(".lab", "runs", run.Id, "qemu-arm64", "qmp.sock"));
        var held = Stopwatch.StartNew();
        using (var monitor = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await monitor.ConnectAsync(new UnixDomainSocketEndPoint(qmp), cts.Token);
            var greeting = new byte[256];
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
            wait.CancelAfter(TimeSpan.FromSeconds(10));
            Assert.That(await monitor.ReceiveAsync(greeting, SocketFlags.None, wait.Token), Is.Positive, "QEMU greets the test client: it now holds the monitor");
            await Task.Delay(TimeSpan.FromSeconds(12), cts.Token);
            Assert.That(running.IsCompleted, Is.False, "the run was still going while QMP was held");
        }

        var heldFor = held.Elapsed;
        var outcome = await running;
        var results = store.GetResults(run.Id);
        _table.Add($"{"QMP held 12 s",-20} | {outcome.Run.Status?.ToKcidb() ?? "-",-6} | {results.Count(r => r.Status != TestStatus.Pass)} not PASS{string.Empty,-33} | {heldFor.TotalSeconds,8:0.0} s  | {0,4} | {ProcessProbe.Qemus(run.Id).Count}");
        foreach (var r in results.Where(r => r.Status is not TestStatus.Pass))
        {
            await TestContext.Progress.WriteLineAsync($"{r.Status} {r.TestId}: {r.Reason}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => r.Status != TestStatus.Pass).Select(r => $"{r.TestId}: {r.Reason}"), Is.Empty, "no case is ended for a slow monitor");
            Assert.That(outcome.Boards.Single().Recoveries, Is.Empty, "the board is not reset");
            Assert.That(outcome.Run.Status, Is.EqualTo(TestStatus.Pass));
        });
    }
}
