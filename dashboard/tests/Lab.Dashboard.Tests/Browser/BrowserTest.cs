using Microsoft.Playwright;
using NUnit.Framework.Interfaces;

namespace Lab.Dashboard.Tests.Browser;

/// <summary>
/// A real Chromium (Debian's /usr/bin/chromium) driven by Playwright's bundled node driver, offline: Playwright's
/// own browsers are never downloaded. One browser per fixture, a fresh context per test, a screenshot on failure.
/// </summary>
[Category("Browser")]
public abstract class BrowserTest
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;

    protected IPage Page { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task LaunchAsync()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Fail($"Chromium is missing at {Chromium}: install it with `scripts/setup-host.sh browser`.");
        }

        // Never look for or fetch Playwright's own browsers; the host's Chromium is given by path.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_BROWSERS_PATH", "0");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    [SetUp]
    public async Task NewPageAsync()
    {
        _context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = TestLab.Server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        Page = await _context.NewPageAsync();
        Page.Dialog += (_, d) => Assert.Fail($"a dialog opened: {d.Message}");
    }

    [TearDown]
    public async Task ScreenshotOnFailureAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
        {
            var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots", $"{Safe(TestContext.CurrentContext.Test.Name)}.png");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            TestContext.AddTestAttachment(file, "page at failure");
        }

        if (_context is not null)
        {
            await _context.CloseAsync();
        }
    }

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '_'));
}
