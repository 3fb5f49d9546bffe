using System.Net;
using Lab.Dashboard.Tests.Support;
using static Lab.Dashboard.Tests.Support.Json;

namespace Lab.Dashboard.Tests.Apis;

public sealed class RunsApiTests
{
    private static HttpClient Http => TestLab.Server.Http;

    private static SeededLab Lab => TestLab.Lab;

    [Test]
    public async Task Runs_are_listed_newest_first_with_their_kcidb_summary()
    {
        var runs = (await GetAsync(Http, "/api/runs")).AsArray();
        var ids = runs.Select(r => (string)r!["id"]!).ToList();
        Assert.That(ids, Has.Count.EqualTo(LabSeeder.Nights + 2));
        Assert.That(ids[0], Is.EqualTo(Lab.LatestNightly));
        Assert.That(runs.Select(r => (DateTimeOffset)r!["startedAt"]!), Is.Ordered.Descending);
        var latest = runs[0]!;
        Assert.That((string?)latest["status"], Is.EqualTo("FAIL"), "a FAIL anywhere makes the run FAIL");
        Assert.That((int)latest["counts"]!["fail"]!, Is.EqualTo(2), "the regression on rpi4 and the flaky case on rockpro64");
        Assert.That((double?)latest["durationSeconds"], Is.GreaterThan(0));
        Assert.That((string?)latest["kernel"], Is.EqualTo("6.1.0-52-arm64"), "the release of the kernel the run's build names");
    }

    [Test]
    public async Task The_run_page_names_the_kernel_each_board_ran()
    {
        var html = await Http.GetStringAsync(new Uri("/runs/" + E(Lab.LatestNightly), UriKind.Relative));

        Assert.That(html, Does.Contain("<span data-testid=\"board-kernel\">6.1.0-52-arm64</span>"));
    }

    [TestCase("trigger=manual", 2)]
    [TestCase("trigger=nightly", LabSeeder.Nights)]
    [TestCase("trigger=manual&board=juno-r2", 1)]
    [TestCase("status=pass", 1)]
    [TestCase("status=MISS", 1)]
    [TestCase("from=2026-03-03&to=2026-03-03", 2)]
    [TestCase("from=2026-03-07", 2)]
    [TestCase("board=rpi4&status=FAIL", 7)]
    public async Task Runs_filter_by_trigger_board_status_and_date(string query, int expected)
    {
        var runs = (await GetAsync(Http, "/api/runs?" + query)).AsArray();
        Assert.That(runs, Has.Count.EqualTo(expected), query);
    }

    [TestCase("trigger=weekly", "unknown trigger")]
    [TestCase("status=BROKEN", "unknown status")]
    [TestCase("from=03/01/2026", "bad from date")]
    public async Task A_bad_filter_is_a_400_naming_it(string query, string message)
    {
        var body = await GetTextAsync(Http, "/api/runs?" + query, HttpStatusCode.BadRequest);
        Assert.That(body, Does.Contain(message));
    }

    [Test]
    public async Task Run_detail_has_build_cases_errno_measurements_and_kernel_trouble_linked_to_the_case()
    {
        var run = await GetAsync(Http, "/api/runs/" + E(Lab.LatestNightly));
        Assert.That((string?)run["build"]!["patchQueueHash"], Is.EqualTo("pq-new-irq-path-3b7e"));
        Assert.That((bool)run["hasBuildLog"]!, Is.True);
        var boards = run["boards"]!.AsArray();
        Assert.That(boards.Select(b => (string)b!["boardId"]!), Is.EqualTo(LabSeeder.BoardIds));
        var rpi4 = boards.Single(b => (string)b!["boardId"]! == LabSeeder.RegressingBoard)!;
        var failed = rpi4["cases"]!.AsArray().Single(c => (string)c!["testId"]! == LabSeeder.Regressing)!;
        Assert.That(((string?)failed["status"], (string?)failed["errnoName"], (int?)failed["errno"]), Is.EqualTo(("FAIL", "EINVAL", 22)));
        Assert.That((int)failed["troubleLines"]!, Is.EqualTo(2), "WARNING and Call trace");
        var dma = rpi4["cases"]!.AsArray().Single(c => (string)c!["testId"]! == LabSeeder.Dma)!;
        Assert.That(dma["measurements"]!.AsArray().Select(m => (string)m!["unit"]!), Is.All.EqualTo("MB/s"));

        var trouble = rpi4["trouble"]!.AsArray();
        Assert.That(trouble.Select(t => ((string)t!["source"]!, (string?)t["testId"])), Has.Member(("console", LabSeeder.Regressing)).And.Member(("dmesg", LabSeeder.Regressing)));
        Assert.That(trouble.Select(t => (string)t!["text"]!), Has.Some.Contains("Unable to handle kernel NULL pointer"));
        var juno = boards.Single(b => (string)b!["boardId"]! == "juno-r2")!;
        Assert.That(juno["trouble"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Console_log_marks_the_oops_and_the_case_that_was_running()
    {
        var lines = (await GetAsync(Http, $"/api/runs/{E(Lab.LatestNightly)}/boards/rpi4/console")).AsArray();
        var oops = lines.Where(l => (bool)l!["trouble"]!).ToList();
        Assert.That(oops, Has.Count.EqualTo(2));
        Assert.That(oops.Select(l => (string?)l!["testId"]), Is.All.EqualTo(LabSeeder.Regressing));
        Assert.That(lines.Count(l => (bool)l!["trouble"]!), Is.LessThan(lines.Count));
    }

    [Test]
    public async Task Case_log_and_build_log_are_served()
    {
        var c = await GetAsync(Http, $"/api/runs/{E(Lab.LatestNightly)}/boards/rpi4/case?test={E(LabSeeder.Regressing)}");
        Assert.That((string?)c["log"], Does.Contain("errno 22 (EINVAL)"));
        var build = await GetTextAsync(Http, $"/api/runs/{E(Lab.LatestNightly)}/build-log");
        Assert.That(build, Does.Contain("LD [M]  vfio_platform.ko"));
    }

    [Test]
    public async Task An_incomplete_run_says_why()
    {
        var run = await GetAsync(Http, "/api/runs/" + E(Lab.IncompleteRunId));
        Assert.That((string?)run["run"]!["state"], Is.EqualTo("incomplete"));
        Assert.That((string?)run["run"]!["note"], Does.Contain("ended without finishing"));
        Assert.That((string?)run["boards"]![0]!["health"], Does.StartWith("broken"));
    }

    [TestCase("/api/runs/20990101-000000-dead")]
    [TestCase("/api/runs/20990101-000000-dead/matrix")]
    [TestCase("/api/runs/20990101-000000-dead/junit.xml")]
    [TestCase("/runs/20990101-000000-dead")]
    public async Task Unknown_runs_are_404(string path)
    {
        var body = await GetTextAsync(Http, path, HttpStatusCode.NotFound);
        Assert.That(body, Does.Contain("20990101-000000-dead"));
    }
}
