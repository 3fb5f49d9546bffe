using Microsoft.Playwright;

namespace Lab.Dashboard.Tests.Browser.Pages;

/// <summary>/regressions.</summary>
public sealed class RegressionsPage : PageObject
{
    public RegressionsPage(IPage page)
        : base(page)
    {
    }

    public ILocator Row(string boardId, string testId) =>
        Page.Locator($"[data-testid=regression-row][data-board='{boardId}'][data-case='{testId}']");

    public async Task<RegressionsPage> GotoAsync()
    {
        await Page.GotoAsync("/regressions");
        await SnapAsync("regressions");
        return this;
    }
}
