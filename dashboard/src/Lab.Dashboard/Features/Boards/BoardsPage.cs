using Lab.Dashboard.Rendering;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Boards;

/// <summary>The boards: health, last run, lease holder.</summary>
internal static class BoardsPage
{
    public static string Render(IReadOnlyList<BoardStatus> boards)
    {
        var rows = boards.Select(b => Html.Of($"""
            <tr data-testid="board-row" data-board="{b.BoardId}">
            <td>{b.BoardId}</td>
            <td data-testid="health">{b.Health}</td>
            <td>{(b.LastRunId is { } id ? Html.Of($"<a href=\"{Links.Run(id)}\">{id}</a>") : Html.Text("-"))} {Format.Time(b.LastRunAt)}</td>
            <td>{StatusView.Badge(TestStatuses.TryParse(b.LastStatus, out var s) ? s : null)}</td>
            <td data-testid="lease">{(b.LeaseHolder is null ? Html.Text("free") : Html.Of($"{b.LeaseHolder}{(b.LeaseRunId is { } r ? $" (run {r})" : "")} until {Format.Time(b.LeaseExpiresAt)}"))}</td>
            <td><a href="{Links.RunsOfBoard(b.BoardId)}">runs</a> | <a href="{Links.BoardMatrix(b.BoardId)}">nightly strip</a> | <a href="{Links.Trends(b.BoardId)}">trends</a></td>
            </tr>
            """));
        var body = Html.Of($"""
            <table data-testid="boards-table">
            <thead><tr><th>Board</th><th>Health</th><th>Last run</th><th>Status</th><th>Lease</th><th></th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            """);
        return Layout.Page("Boards", "boards", body);
    }
}
