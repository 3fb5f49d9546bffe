using Microsoft.Playwright;

namespace Lab.Dashboard.Tests.Browser.Pages;

/// <summary>/matrix and /matrix/boards/{id}.</summary>
public sealed class MatrixPage : PageObject
{
    public MatrixPage(IPage page)
        : base(page)
    {
    }

    public ILocator Rows => Page.GetByTestId("matrix-row");

    public ILocator Cells(string testId) => Page.Locator($"[data-testid=matrix-row][data-case='{testId}'] [data-testid=matrix-cell]");

    public async Task<MatrixPage> GotoRunAsync(string runId)
    {
        await Page.GotoAsync("/matrix?run=" + Uri.EscapeDataString(runId));
        await SnapAsync("matrix");
        return this;
    }

    public async Task<MatrixPage> GotoBoardAsync(string boardId)
    {
        await Page.GotoAsync("/matrix/boards/" + Uri.EscapeDataString(boardId));
        await SnapAsync("matrix-board");
        return this;
    }
}
