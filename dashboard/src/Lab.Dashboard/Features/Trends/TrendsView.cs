namespace Lab.Dashboard.Features.Trends;

/// <summary>A board's pass rate and stress measurements over time.</summary>
internal sealed record TrendsView(string BoardId, TrendSeries PassRate, IReadOnlyList<TrendSeries> Measurements);
