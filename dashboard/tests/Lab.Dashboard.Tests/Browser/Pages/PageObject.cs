using Microsoft.Playwright;

namespace Lab.Dashboard.Tests.Browser.Pages;

/// <summary>Base of the page objects: the page, and a screenshot hook for looking at pages by hand.</summary>
public abstract class PageObject
{
    protected PageObject(IPage page) => Page = page;

    public IPage Page { get; }

    public ILocator Title => Page.GetByTestId("page-title");

    /// <summary>With DASHBOARD_SCREENSHOTS=/dir set, saves the page there (for review; tests do not need it).</summary>
    protected async Task SnapAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
        }
    }
}
