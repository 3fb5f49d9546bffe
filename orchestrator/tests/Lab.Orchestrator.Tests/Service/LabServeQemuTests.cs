using System.Net;
using System.Text.Json.Nodes;
using Lab.Orchestrator.Boards.Qemu;
using Lab.Orchestrator.Core.Jobs;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Tests.Run;
using Lab.Orchestrator.Tests.Support;
using Lab.Results;

namespace Lab.Orchestrator.Tests.Service;

/// <summary>
/// <c>lab serve</c> as its own process on the default lab (a real QEMU board), fed by <c>lab submit</c> from other
/// processes, its store a real LiteDB file, its webhook a loopback listener.
/// </summary>
[Category("Qemu")]
[NonParallelizable]
public sealed class LabServeQemuTests
{
    private const string Case = "vfio.common.container.api_version";
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("lab-serve-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Two_submits_that_wait_run_one_after_the_other_on_the_shared_board_and_the_webhook_hears_each_end()
    {
        Prerequisites.RequireQemuBoardHost();
        await SharedQemuBoard.ImageAsync(CancellationToken.None);
        var port = FreePort.OnLoopback();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/hook/");
        listener.Start();
        var events = new List<(string Token, JsonNode Body)>();
        var hearing = HearAsync(listener, events);
        await File.WriteAllTextAsync(Path.Combine(_dir, "hook.token"), "hook-secret\n");
        var lab = await CopyLabAsync(json => json["webhook"] = new JsonObject { ["url"] = $"http://127.0.0.1:{port}/hook/", ["tokenFile"] = "hook.token" });

        await using var serve = LabProcess.Start("serve", "--urls", "http://127.0.0.1:0", lab);
        await serve.WaitForLineAsync("lab serve: dashboard on", TimeSpan.FromMinutes(2));
        await using var alice = LabProcess.Start("submit", "--board", "qemu-arm64", "--cases", Case, "--wait", lab);
        await using var bob = LabProcess.Start("submit", "--board", "qemu-arm64", "--cases", Case, "--wait", lab);
        var codes = await Task.WhenAll(alice.ExitCodeAsync(TimeSpan.FromMinutes(15)), bob.ExitCodeAsync(TimeSpan.FromMinutes(15)));
        await Task.Delay(500); // the last webhook call follows the job's end

        using var store = new LiteDbResultStore(Path.Combine(_dir, ".lab", "results.db"), readOnly: true);
        var jobs = store.ListJobs().OrderBy(j => j.StartedAt).ToList();
        var runs = store.ListRuns(new RunQuery()).Where(r => r.Who == Environment.UserName).OrderBy(r => r.StartedAt).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(codes, Is.EqualTo(new[] { 0, 0 }), alice.Output + "\n" + bob.Output);
            Assert.That(jobs.Select(j => j.Spec.HealthCheck), Is.EqualTo(new[] { true, false, false }), "the board is checked before its first job of the day");
            Assert.That(jobs.Select(j => j.State), Has.All.EqualTo(JobState.Done));
            Assert.That(runs, Has.Count.EqualTo(2));
            Assert.That(runs.Select(r => r.Trigger), Has.All.EqualTo(RunTrigger.Manual));
            Assert.That(runs[0].EndedAt, Is.LessThanOrEqualTo(runs[1].StartedAt), "one board runs one job at a time");
            Assert.That(runs.Select(r => store.GetResults(r.Id).Single(x => x.TestId.StartsWith(Case, StringComparison.Ordinal) && x.TestId.EndsWith("@pl031", StringComparison.Ordinal)).Status),
                Has.All.EqualTo(TestStatus.Pass));
            Assert.That(store.GetBoardHealth().Single().Condition, Is.EqualTo(BoardCondition.Good));
            lock (events)
            {
                Assert.That(events.Select(e => (string?)e.Body["event"]), Is.EqualTo(new[] { "job.ended", "job.ended", "job.ended" }));
                Assert.That(events.Select(e => e.Token), Has.All.EqualTo("hook-secret"));
                Assert.That(events.Select(e => (string?)e.Body["job"]), Is.EquivalentTo(jobs.Select(j => j.Id)));
            }
        });
        listener.Stop();
        await hearing;
    }

    [Test]
    public async Task A_service_killed_mid_job_queues_it_again_on_restart_and_keeps_the_first_attempts_results()
    {
        Prerequisites.RequireQemuBoardHost();
        await SharedQemuBoard.ImageAsync(CancellationToken.None);
        var lab = await CopyLabAsync(_ => { });
        var storePath = Path.Combine(_dir, ".lab", "results.db");
        string jobId;
        await using (var first = LabProcess.Start("serve", "--urls", "http://127.0.0.1:0", lab))
        {
            await first.WaitForLineAsync("lab serve: dashboard on", TimeSpan.FromMinutes(2));
            await using var submit = LabProcess.Start("submit", "--board", "qemu-arm64", "--cases", "vfio.common.*", lab);
            Assert.That(await submit.ExitCodeAsync(TimeSpan.FromMinutes(1)), Is.Zero);
            jobId = submit.Output.Split('\n')[0].Trim();
            await UntilAsync(() => Results(storePath, jobId) >= 5, "the job records results", TimeSpan.FromMinutes(10));
            await first.KillAsync();
        }

        string firstRun;
        using (var store = new LiteDbResultStore(storePath, readOnly: true))
        {
            firstRun = store.GetJob(jobId)!.RunIds.Single();
        }

        var kept = Results(storePath, jobId);
        await using (var second = LabProcess.Start("serve", "--urls", "http://127.0.0.1:0", lab))
        {
            await second.WaitForLineAsync($"job {jobId}: its worker", TimeSpan.FromMinutes(2));
            await UntilAsync(() => Job(storePath, jobId).Ended, "the job ends", TimeSpan.FromMinutes(10));
        }

        using var reader = new LiteDbResultStore(storePath, readOnly: true);
        var job = reader.GetJob(jobId)!;
        Assert.Multiple(() =>
        {
            Assert.That(job.State, Is.EqualTo(JobState.Done), job.Note);
            Assert.That(job.Attempts, Is.EqualTo(2));
            Assert.That(job.RunIds, Has.Count.EqualTo(2));
            Assert.That(reader.GetRun(firstRun)!.State, Is.EqualTo(RunState.Incomplete));
            Assert.That(reader.GetResults(firstRun), Has.Count.GreaterThanOrEqualTo(kept), "the first attempt's results are kept");
            Assert.That(reader.GetRun(job.RunIds[1])!.Status, Is.EqualTo(TestStatus.Pass));
            Assert.That(ProcessProbe.Qemus(firstRun), Is.Empty, "the killed service's QEMU went with it");
        });
    }

    [Test]
    public async Task Jobs_on_two_boards_run_at_the_same_time()
    {
        Prerequisites.RequireQemuBoardHost();
        await SharedQemuBoard.ImageAsync(CancellationToken.None);
        var lab = await CopyLabAsync(json =>
        {
            var second = json["boards"]![0]!.DeepClone();
            second["id"] = "qemu-arm64-b";
            json["boards"]!.AsArray().Add(second);
            json["maxParallelBoards"] = 2;
        });
        var storePath = Path.Combine(_dir, ".lab", "results.db");
        using (var seed = new LiteDbResultStore(storePath))
        {
            // Both boards passed today's check already: the test is about the two jobs.
            seed.SaveBoardHealth(new BoardHealth("qemu-arm64", BoardCondition.Good, DateTimeOffset.UtcNow, 0, null));
            seed.SaveBoardHealth(new BoardHealth("qemu-arm64-b", BoardCondition.Good, DateTimeOffset.UtcNow, 0, null));
        }

        await using var serve = LabProcess.Start("serve", "--urls", "http://127.0.0.1:0", lab);
        await serve.WaitForLineAsync("up to 2 board(s) at once", TimeSpan.FromMinutes(2));
        await using var a = LabProcess.Start("submit", "--board", "qemu-arm64", "--cases", Case, "--wait", lab);
        await using var b = LabProcess.Start("submit", "--board", "qemu-arm64-b", "--cases", Case, "--wait", lab);
        var codes = await Task.WhenAll(a.ExitCodeAsync(TimeSpan.FromMinutes(15)), b.ExitCodeAsync(TimeSpan.FromMinutes(15)));

        using var store = new LiteDbResultStore(storePath, readOnly: true);
        var runs = store.ListRuns(new RunQuery()).OrderBy(r => r.StartedAt).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(codes, Is.EqualTo(new[] { 0, 0 }), a.Output + "\n" + b.Output);
            Assert.That(runs.Select(r => r.Boards.Single()), Is.EquivalentTo(new[] { "qemu-arm64", "qemu-arm64-b" }));
            Assert.That(runs[1].StartedAt, Is.LessThan(runs[0].EndedAt!.Value), "the second board started before the first finished");
        });
    }

    private static Job Job(string store, string id)
    {
        using var s = new LiteDbResultStore(store, readOnly: true);
        return s.GetJob(id)!;
    }

    private static int Results(string store, string jobId)
    {
        using var s = new LiteDbResultStore(store, readOnly: true);
        return s.GetJob(jobId)?.RunIds.Sum(r => s.GetResults(r).Count) ?? 0;
    }

    private static async Task UntilAsync(Func<bool> condition, string what, TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        while (!condition())
        {
            Assert.That(cts.IsCancellationRequested, Is.False, "timed out waiting until " + what);
            await Task.Delay(500);
        }
    }

    private async Task<string> CopyLabAsync(Action<JsonNode> change)
    {
        var json = RepoFiles.LabJson();
        json.AsObject().Remove("nightly");
        change(json);
        var lab = Path.Combine(_dir, "lab.json");
        await File.WriteAllTextAsync(lab, json.ToJsonString());
        return lab;
    }

    private static async Task HearAsync(HttpListener listener, List<(string, JsonNode)> events)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!;
            lock (events)
            {
                events.Add((context.Request.Headers["X-Lab-Token"] ?? string.Empty, body));
            }

            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }
}
