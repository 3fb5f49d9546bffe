using System.Text.RegularExpressions;
using Lab.Dashboard.Tests.Browser.Pages;
using Lab.Dashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Lab.Dashboard.Tests.Browser;

public sealed class DashboardBrowserTests : BrowserTest
{
    private static SeededLab Lab => TestLab.Lab;

    [Test]
    public async Task Runs_to_run_to_case_log_and_console_oops_to_its_case()
    {
        var runs = await new RunsListPage(Page).GotoAsync();
        await Expect(runs.Rows).ToHaveCountAsync(LabSeeder.Nights + 2);
        await Expect(runs.Rows.First).ToHaveAttributeAsync("data-run-id", Lab.LatestNightly);

        var run = await runs.OpenRunAsync(Lab.LatestNightly);
        await Expect(run.Title).ToHaveTextAsync("Run " + Lab.LatestNightly);
        await Expect(run.CaseRow("rpi4", LabSeeder.Regressing)).ToHaveAttributeAsync("data-status", "FAIL");
        await Expect(run.CaseRow("rpi4", LabSeeder.Regressing).GetByTestId("case-errno")).ToHaveTextAsync("EINVAL (22)");
        await Expect(run.TroubleCaseLinks("rpi4")).ToHaveCountAsync(4); // 2 dmesg lines + 2 console lines
        await Expect(run.TroubleCaseLinks("juno-r2")).ToHaveCountAsync(0);

        var casePage = await run.OpenCaseAsync("rpi4", LabSeeder.Regressing);
        await Expect(casePage.CaseId).ToHaveTextAsync(LabSeeder.Regressing);
        await Expect(casePage.Log).ToContainTextAsync("errno 22 (EINVAL)");
        await Expect(casePage.DmesgOops).ToHaveCountAsync(2);
        await Expect(casePage.DmesgOops.First).ToContainTextAsync("WARNING: CPU: 2 PID: 311");

        await Page.GoBackAsync();
        var console = await new RunPage(Page).OpenConsoleAsync("rpi4");
        await Expect(console.OopsLines).ToHaveCountAsync(2);
        await Expect(console.OopsLines.Nth(1)).ToContainTextAsync("Internal error: Oops");
        var fromOops = await console.OpenOopsCaseAsync(0);
        await Expect(fromOops.CaseId).ToHaveTextAsync(LabSeeder.Regressing);
    }

    [Test]
    public async Task Matrix_cells_are_coloured_by_status()
    {
        var matrix = await new MatrixPage(Page).GotoRunAsync(Lab.LatestNightly);
        await Expect(matrix.Rows).ToHaveCountAsync(LabSeeder.CaseIds.Count);
        var regressing = matrix.Cells(LabSeeder.Regressing);
        await Expect(regressing).ToHaveCountAsync(4);
        await Expect(regressing.Nth(3)).ToHaveAttributeAsync("data-status", "FAIL");
        await Expect(regressing.Nth(3)).ToHaveCSSAsync("background-color", "rgb(217, 83, 79)");
        await Expect(regressing.Nth(0)).ToHaveCSSAsync("background-color", "rgb(92, 184, 92)");
        await Expect(matrix.Cells("vfio.platform.feature.iommu_group").Nth(1)).ToHaveCSSAsync("background-color", "rgb(200, 200, 200)");

        var strip = await matrix.GotoBoardAsync(LabSeeder.FlakyBoard);
        var flaky = strip.Cells(LabSeeder.Flaky);
        await Expect(flaky).ToHaveCountAsync(LabSeeder.Nights);
        for (var night = 0; night < LabSeeder.Nights; night++)
        {
            await Expect(flaky.Nth(night)).ToHaveCSSAsync("background-color", night % 2 == 1 ? "rgb(217, 83, 79)" : "rgb(92, 184, 92)");
        }
    }

    [Test]
    public async Task A_regression_shows_on_the_regressions_page_with_last_good_and_first_bad_linked()
    {
        var page = await new RegressionsPage(Page).GotoAsync();
        var row = page.Row(LabSeeder.RegressingBoard, LabSeeder.Regressing);
        await Expect(row).ToHaveAttributeAsync("data-kind", "regression");
        await Expect(row.GetByTestId("last-good")).ToHaveTextAsync(Lab.NightlyRunIds[LabSeeder.RegressionNight - 1]);
        await Expect(page.Row(LabSeeder.FlakyBoard, LabSeeder.Flaky)).ToHaveAttributeAsync("data-kind", "unstable");
        await Expect(page.Row("juno-r2", LabSeeder.Fixed)).ToHaveAttributeAsync("data-kind", "fixed");

        await row.GetByTestId("first-bad").ClickAsync();
        await Expect(Page.GetByTestId("page-title")).ToHaveTextAsync("Run " + Lab.NightlyRunIds[LabSeeder.RegressionNight]);
    }

    [Test]
    public async Task Script_in_a_case_name_or_log_is_shown_as_text_and_never_runs()
    {
        var casePage = await new CasePage(Page).GotoAsync(Lab.XssRunId, "qemu-arm64", LabSeeder.XssCase);
        await Expect(casePage.CaseId).ToHaveTextAsync(LabSeeder.XssCase);
        await Expect(casePage.Log).ToContainTextAsync(LabSeeder.XssLog);
        await Expect(casePage.Reason).ToHaveTextAsync("<script>window.__xss=4</script>");
        await Expect(Page.Locator("main script, main img")).ToHaveCountAsync(0);
        Assert.That(await Page.EvaluateAsync<bool>("() => window.__xss === undefined"), Is.True, "no payload ran");

        var run = await new RunPage(Page).GotoAsync(Lab.XssRunId);
        await Expect(run.CaseRow("qemu-arm64", LabSeeder.XssCase)).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("build-info")).ToContainTextAsync("6.1.0-<script>x</script>");
        Assert.That(await Page.EvaluateAsync<bool>("() => window.__xss === undefined && document.querySelectorAll('main script').length === 0"), Is.True);
    }

    [Test]
    public async Task Run_now_is_absent_and_refused_without_a_token()
    {
        var runs = await new RunsListPage(Page).GotoAsync();
        await Expect(runs.Rows.First).ToBeVisibleAsync();
        await Expect(runs.RunNow).ToHaveCountAsync(0);

        var response = await Page.GotoAsync("/runs/now");
        Assert.That(response?.Status, Is.EqualTo(404));
        await Expect(Page.GetByTestId("run-now-disabled")).ToHaveTextAsync(new Regex("Run now is disabled: no token is configured"));
        await Expect(Page.GetByTestId("run-now-form")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task Trends_are_local_svg_charts_of_pass_rate_and_measurements()
    {
        var trends = await new TrendsPage(Page).GotoAsync(LabSeeder.RegressingBoard);
        await Expect(trends.PassRate).ToHaveAttributeAsync("data-points", LabSeeder.Nights.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(trends.PassRate.Locator("circle")).ToHaveCountAsync(LabSeeder.Nights);
        await Expect(trends.Charts).ToHaveCountAsync(1 + 5); // pass rate + dma read/write, map/unmap, irq rate/latency
        await Expect(Page.Locator("svg.chart[aria-label^='vfio.stress.dma_throughput: dma_read']")).ToHaveCountAsync(1);

        await Page.GotoAsync("/boards");
        await Expect(Page.Locator("[data-testid=board-row][data-board='qemu-arm64'] [data-testid=lease]")).ToContainTextAsync("alice@devbox");
        if (Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS") is { Length: > 0 } dir)
        {
            await Page.ScreenshotAsync(new() { Path = Path.Combine(dir, "boards.png"), FullPage = true });
            await Page.GotoAsync($"/compare?a={Uri.EscapeDataString(Lab.NightlyRunIds[5])}&b={Uri.EscapeDataString(Lab.NightlyRunIds[6])}");
            await Page.ScreenshotAsync(new() { Path = Path.Combine(dir, "compare.png"), FullPage = true });
        }
    }
}
