using System.Net;
using Lab.Dashboard.Tests.Support;
using static Lab.Dashboard.Tests.Support.Json;

namespace Lab.Dashboard.Tests.Apis;

public sealed class ViewsApiTests
{
    private static HttpClient Http => TestLab.Server.Http;

    private static SeededLab Lab => TestLab.Lab;

    [Test]
    public async Task Run_matrix_is_cases_by_boards()
    {
        var m = await GetAsync(Http, $"/api/runs/{E(Lab.LatestNightly)}/matrix");
        var columns = m["columns"]!.AsArray().Select(c => (string)c!["boardId"]!).ToList();
        Assert.That(columns, Is.EqualTo(LabSeeder.BoardIds));
        var rows = m["rows"]!.AsArray();
        Assert.That(rows.Select(r => (string)r!["testId"]!), Is.EquivalentTo(LabSeeder.CaseIds));
        var regressing = rows.Single(r => (string)r!["testId"]! == LabSeeder.Regressing)!["statuses"]!.AsArray().Select(s => (string?)s).ToList();
        Assert.That(regressing, Is.EqualTo(new[] { "PASS", "PASS", "PASS", "FAIL" }));
        var skipped = rows.Single(r => (string)r!["testId"]! == "vfio.platform.feature.iommu_group")!["statuses"]![1];
        Assert.That((string?)skipped, Is.EqualTo("SKIP"));
    }

    [Test]
    public async Task Board_strip_is_cases_by_the_last_n_nightly_runs_oldest_first()
    {
        var m = await GetAsync(Http, "/api/boards/rpi4/matrix?n=5");
        Assert.That(m["columns"]!.AsArray().Select(c => (string)c!["runId"]!), Is.EqualTo(Lab.NightlyRunIds.Skip(3)));
        var row = m["rows"]!.AsArray().Single(r => (string)r!["testId"]! == LabSeeder.Regressing)!;
        Assert.That(row["statuses"]!.AsArray().Select(s => (string?)s), Is.EqualTo(new[] { "PASS", "PASS", "PASS", "FAIL", "FAIL" }));
    }

    [Test]
    public async Task Regressions_label_regression_fixed_and_unstable_with_bracketing_runs()
    {
        var v = await GetAsync(Http, "/api/regressions");
        Assert.That((string?)v["run"]!["id"], Is.EqualTo(Lab.LatestNightly));
        var entries = v["entries"]!.AsArray();
        var regression = entries.Single(e => (string)e!["kind"]! == "regression")!;
        Assert.That(((string?)regression["boardId"], (string?)regression["testId"]), Is.EqualTo((LabSeeder.RegressingBoard, LabSeeder.Regressing)));
        Assert.That((string?)regression["lastGoodRunId"], Is.EqualTo(Lab.NightlyRunIds[LabSeeder.RegressionNight - 1]));
        Assert.That((string?)regression["firstBadRunId"], Is.EqualTo(Lab.NightlyRunIds[LabSeeder.RegressionNight]));

        var fixedOnes = entries.Where(e => (string)e!["kind"]! == "fixed").ToList();
        Assert.That(fixedOnes.Select(e => (string)e!["boardId"]!), Is.EquivalentTo(LabSeeder.BoardIds));
        Assert.That(fixedOnes.Select(e => (string?)e!["fixedInRunId"]), Is.All.EqualTo(Lab.NightlyRunIds[LabSeeder.FixedNight]));
        Assert.That(fixedOnes.Select(e => (string?)e!["testId"]), Is.All.EqualTo(LabSeeder.Fixed));

        var unstable = entries.Single(e => (string)e!["kind"]! == "unstable")!;
        Assert.That(((string?)unstable["boardId"], (string?)unstable["testId"]), Is.EqualTo((LabSeeder.FlakyBoard, LabSeeder.Flaky)));
        Assert.That(entries, Has.Count.EqualTo(6));
    }

    [Test]
    public async Task Trends_give_pass_rate_and_each_measurement_per_run()
    {
        var t = await GetAsync(Http, "/api/boards/rpi4/trends");
        var pass = t["passRate"]!["points"]!.AsArray();
        Assert.That(pass, Has.Count.EqualTo(LabSeeder.Nights));
        Assert.That((double)pass[^1]!["value"]!, Is.EqualTo(100.0 * 10 / 11).Within(1e-9), "10 of 11 pass on the last night");
        var series = t["measurements"]!.AsArray();
        Assert.That(series.Select(s => (string)s!["name"]!), Is.SupersetOf(new[]
        {
            LabSeeder.Dma + ": dma_read", "vfio.stress.map_unmap: map_unmap", "vfio.stress.irq_rate: irq_latency_p99",
        }));
        var dma = series.Single(s => (string)s!["name"]! == LabSeeder.Dma + ": dma_read")!["points"]!.AsArray().Select(p => (double)p!["value"]!);
        Assert.That(dma.ToList(), Has.Count.EqualTo(LabSeeder.Nights));
        Assert.That(dma, Is.Ordered.Ascending);
    }

    [Test]
    public async Task Compare_shows_only_the_differences()
    {
        var a = Lab.NightlyRunIds[LabSeeder.RegressionNight - 1];
        var b = Lab.NightlyRunIds[LabSeeder.RegressionNight];
        var v = await GetAsync(Http, $"/api/compare?a={E(a)}&b={E(b)}");
        var rows = v["cases"]!.AsArray().Select(r => ((string)r!["boardId"]!, (string)r["testId"]!, (string?)r["statusA"], (string?)r["statusB"])).ToList();
        Assert.That(rows, Is.EquivalentTo(new[]
        {
            (LabSeeder.RegressingBoard, LabSeeder.Regressing, "PASS", "FAIL"),
            (LabSeeder.FlakyBoard, LabSeeder.Flaky, "FAIL", "PASS"),
        }));
        Assert.That((int)v["same"]!, Is.EqualTo((4 * 11) - 2));
        Assert.That(v["build"]!.AsArray().Select(d => (string)d!["field"]!), Does.Contain("patch queue").And.Not.Contain("agent"));
        await GetTextAsync(Http, "/api/compare?a=" + E(a), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Boards_show_health_last_run_and_lease_holder()
    {
        var boards = (await GetAsync(Http, "/api/boards")).AsArray();
        Assert.That(boards.Select(b => (string)b!["boardId"]!), Is.EqualTo(LabSeeder.BoardIds));
        var qemu = boards.Single(b => (string)b!["boardId"]! == "qemu-arm64")!;
        Assert.That((string?)qemu["leaseHolder"], Is.EqualTo("alice@devbox"));
        Assert.That((string?)qemu["lastRunId"], Is.EqualTo(Lab.LatestNightly));
        var rpi4 = boards.Single(b => (string)b!["boardId"]! == "rpi4")!;
        Assert.That(((string?)rpi4["health"], (string?)rpi4["lastStatus"], (string?)rpi4["leaseHolder"]), Is.EqualTo(("ok", "FAIL", (string?)null)));
    }

    [Test]
    public async Task Run_now_is_off_without_a_token()
    {
        var state = await GetAsync(Http, "/api/runnow");
        Assert.That((bool)state["enabled"]!, Is.False);
        var runs = await GetTextAsync(Http, "/runs");
        Assert.That(runs, Does.Not.Contain("data-testid=\"run-now\""));
        var form = await GetTextAsync(Http, "/runs/now", HttpStatusCode.NotFound);
        Assert.That(form, Does.Contain("Run now is disabled").And.Not.Contain("<form method=\"post\""));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["board"] = "rpi4", ["cases"] = "vfio.*", ["token"] = "guess" });
        using var post = await Http.PostAsync(new Uri("/runs/now", UriKind.Relative), content);
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await post.Content.ReadAsStringAsync(), Does.Contain("no lab token is configured"));
    }
}
