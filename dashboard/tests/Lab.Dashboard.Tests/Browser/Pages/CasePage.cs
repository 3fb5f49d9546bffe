using Microsoft.Playwright;

namespace Lab.Dashboard.Tests.Browser.Pages;

/// <summary>/runs/{id}/boards/{board}/case?test=.</summary>
public sealed class CasePage : PageObject
{
    public CasePage(IPage page)
        : base(page)
    {
    }

    public ILocator CaseId => Page.GetByTestId("case-id");

    public ILocator Reason => Page.GetByTestId("case-reason");

    public ILocator Log => Page.GetByTestId("case-log");

    public ILocator DmesgOops => Page.GetByTestId("case-dmesg").GetByTestId("oops-line");

    public async Task<CasePage> GotoAsync(string runId, string boardId, string testId)
    {
        await Page.GotoAsync($"/runs/{Uri.EscapeDataString(runId)}/boards/{Uri.EscapeDataString(boardId)}/case?test={Uri.EscapeDataString(testId)}");
        await SnapAsync("case-direct");
        return this;
    }
}
