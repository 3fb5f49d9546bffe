using Microsoft.Playwright;

namespace Lab.Dashboard.Tests.Browser.Pages;

/// <summary>A console, kernel or build log page.</summary>
public sealed class LogViewPage : PageObject
{
    public LogViewPage(IPage page)
        : base(page)
    {
    }

    public ILocator OopsLines => Page.GetByTestId("oops-line");

    public async Task<CasePage> OpenOopsCaseAsync(int index)
    {
        await OopsLines.Nth(index).GetByTestId("oops-case").ClickAsync();
        return new CasePage(Page);
    }
}
