using Microsoft.Playwright;

namespace Lab.Dashboard.Tests.Browser.Pages;

/// <summary>/runs.</summary>
public sealed class RunsListPage : PageObject
{
    public RunsListPage(IPage page)
        : base(page)
    {
    }

    public ILocator Rows => Page.GetByTestId("run-row");

    public ILocator RunNow => Page.GetByTestId("run-now");

    public async Task<RunsListPage> GotoAsync(string query = "")
    {
        await Page.GotoAsync("/runs" + query);
        await SnapAsync("runs");
        return this;
    }

    public async Task<RunPage> OpenRunAsync(string runId)
    {
        await Page.Locator($"[data-testid=run-row][data-run-id='{runId}']").GetByTestId("run-link").ClickAsync();
        return new RunPage(Page);
    }
}
