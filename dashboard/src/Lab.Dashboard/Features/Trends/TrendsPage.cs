using Lab.Dashboard.Rendering;

namespace Lab.Dashboard.Features.Trends;

/// <summary>Charts per board: pass rate and each stress measurement.</summary>
internal static class TrendsPage
{
    public static string Render(TrendsView? v, IReadOnlyList<string> boards)
    {
        var boardLinks = boards.Select(b => Html.Of($"<a href=\"{Links.Trends(b)}\" data-testid=\"trend-board\">{b}</a> "));
        if (v is null)
        {
            return Layout.Page("Trends", "trends", Html.Of($"<p>Pick a board: {boardLinks}</p>"));
        }

        var charts = v.Measurements.Select((s, i) => SvgChart.Render(s, "chart-measure-" + i));
        var body = Html.Of($"""
            <p>Boards: {boardLinks}</p>
            <h2>{v.BoardId}</h2>
            <div class="charts">
            {SvgChart.Render(v.PassRate, "chart-pass-rate")}
            {charts}
            </div>
            """);
        return Layout.Page("Trends: " + v.BoardId, "trends", body);
    }
}
