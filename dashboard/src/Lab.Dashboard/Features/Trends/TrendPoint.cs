namespace Lab.Dashboard.Features.Trends;

/// <summary>One value at one time, from one run.</summary>
internal sealed record TrendPoint(string RunId, DateTimeOffset At, double Value);
