using Lab.Dashboard.Rendering;

namespace Lab.Dashboard.Features.RunDetail;

/// <summary>A log shown line by line, every line encoded; kernel trouble lines highlighted and linked to their case.</summary>
internal static class LogPage
{
    public static string Render(string title, string runId, string? boardId, IReadOnlyList<LogLine> lines)
    {
        var body = Html.Of($"""
            <p><a href="{Links.Run(runId)}">back to run {runId}</a></p>
            {Lines(runId, boardId, lines)}
            """);
        return Layout.Page(title, "runs", body);
    }

    public static Html Lines(string runId, string? boardId, IReadOnlyList<LogLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var rendered = lines.Select(l => l.Trouble
            ? Html.Of($"<span class=\"oops\" id=\"L{l.Number}\" data-testid=\"oops-line\">{l.Text}{(l.TestId is { } id && boardId is not null ? Html.Of($"  <a href=\"{Links.Case(runId, boardId, id)}\" data-testid=\"oops-case\">[{id}]</a>") : Html.Empty)}</span>")
            : Html.Of($"<span id=\"L{l.Number}\">{l.Text}</span>\n"));
        return Html.Of($"<pre class=\"log\" data-testid=\"log\">{rendered}</pre>");
    }
}
