using Microsoft.Playwright;

namespace Lab.Dashboard.Tests.Browser.Pages;

/// <summary>/runs/{id}.</summary>
public sealed class RunPage : PageObject
{
    public RunPage(IPage page)
        : base(page)
    {
    }

    public ILocator Board(string boardId) => Page.Locator($"[data-testid=board-section][data-board='{boardId}']");

    public ILocator CaseRow(string boardId, string testId) =>
        Board(boardId).GetByTestId("case-row").Filter(new() { Has = Page.GetByText(testId, new() { Exact = true }) });

    public ILocator TroubleCaseLinks(string boardId) => Board(boardId).GetByTestId("trouble-case");

    public async Task<RunPage> GotoAsync(string runId)
    {
        await Page.GotoAsync("/runs/" + Uri.EscapeDataString(runId));
        await SnapAsync("run");
        return this;
    }

    public async Task<CasePage> OpenCaseAsync(string boardId, string testId)
    {
        await CaseRow(boardId, testId).GetByTestId("case-link").ClickAsync();
        await SnapAsync("case");
        return new CasePage(Page);
    }

    public async Task<LogViewPage> OpenConsoleAsync(string boardId)
    {
        await Board(boardId).GetByTestId("console-link").ClickAsync();
        await SnapAsync("console");
        return new LogViewPage(Page);
    }
}
