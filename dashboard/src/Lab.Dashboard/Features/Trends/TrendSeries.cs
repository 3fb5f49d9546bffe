namespace Lab.Dashboard.Features.Trends;

/// <summary>A named series, oldest point first.</summary>
internal sealed record TrendSeries(string Name, string Unit, IReadOnlyList<TrendPoint> Points);
