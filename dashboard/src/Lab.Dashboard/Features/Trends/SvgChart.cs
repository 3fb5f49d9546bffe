using Lab.Dashboard.Rendering;

namespace Lab.Dashboard.Features.Trends;

/// <summary>A line chart as inline SVG, drawn on the server: no script, no CDN. Text in it is encoded.</summary>
internal static class SvgChart
{
    private const double Width = 520;
    private const double Height = 200;
    private const double Left = 56;
    private const double Right = 12;
    private const double Top = 24;
    private const double Bottom = 28;

    public static Html Render(TrendSeries series, string testId)
    {
        ArgumentNullException.ThrowIfNull(series);
        var pts = series.Points;
        var title = $"{series.Name} ({series.Unit})";
        if (pts.Count == 0)
        {
            return Html.Of($"<svg class=\"chart\" data-testid=\"{testId}\" width=\"{Width}\" height=\"60\" role=\"img\" aria-label=\"{title}\"><text x=\"8\" y=\"16\">{title}</text><text x=\"8\" y=\"40\">no data</text></svg>");
        }

        var min = pts.Min(p => p.Value);
        var max = pts.Max(p => p.Value);
        if (series.Unit == "%")
        {
            min = 0;
            max = 100;
        }
        else if (max - min < 1e-9)
        {
            min -= 1;
            max += 1;
        }

        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(int i) => Left + (pts.Count == 1 ? plotW / 2 : plotW * i / (pts.Count - 1));
        double Y(double v) => Top + (plotH * (1 - ((v - min) / (max - min))));
        var line = string.Join(" ", pts.Select((p, i) => $"{Format.Number(X(i))},{Format.Number(Y(p.Value))}"));
        var dots = pts.Select((p, i) => Html.Of(
            $"<circle cx=\"{Format.Number(X(i))}\" cy=\"{Format.Number(Y(p.Value))}\" r=\"2.5\" fill=\"#1565c0\"><title>{p.RunId} {Format.Time(p.At)}: {Format.Number(p.Value)} {series.Unit}</title></circle>"));
        return Html.Of($"""
            <svg class="chart" data-testid="{testId}" data-points="{pts.Count}" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" role="img" aria-label="{title}">
            <text x="8" y="16">{title}</text>
            <line x1="{Left}" y1="{Top}" x2="{Left}" y2="{Height - Bottom}" stroke="#999"/>
            <line x1="{Left}" y1="{Height - Bottom}" x2="{Width - Right}" y2="{Height - Bottom}" stroke="#999"/>
            <text x="4" y="{Top + 4}">{Format.Number(max)}</text>
            <text x="4" y="{Height - Bottom}">{Format.Number(min)}</text>
            <text x="{Left}" y="{Height - 8}">{Format.Time(pts[0].At)[..10]}</text>
            <text x="{Width - Right - 64}" y="{Height - 8}">{Format.Time(pts[^1].At)[..10]}</text>
            <polyline fill="none" stroke="#1565c0" stroke-width="1.5" points="{line}"/>
            {dots}
            </svg>
            """);
    }
}
