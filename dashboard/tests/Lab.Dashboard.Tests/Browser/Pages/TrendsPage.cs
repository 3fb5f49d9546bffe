using Microsoft.Playwright;

namespace Lab.Dashboard.Tests.Browser.Pages;

/// <summary>/trends/{board}.</summary>
public sealed class TrendsPage : PageObject
{
    public TrendsPage(IPage page)
        : base(page)
    {
    }

    public ILocator PassRate => Page.GetByTestId("chart-pass-rate");

    public ILocator Charts => Page.Locator("svg.chart");

    public async Task<TrendsPage> GotoAsync(string boardId)
    {
        await Page.GotoAsync("/trends/" + Uri.EscapeDataString(boardId));
        await SnapAsync("trends");
        return this;
    }
}
