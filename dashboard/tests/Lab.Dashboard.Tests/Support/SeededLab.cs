namespace Lab.Dashboard.Tests.Support;

/// <summary>What <see cref="LabSeeder"/> wrote, so tests can name runs and cases without guessing ids.</summary>
public sealed record SeededLab(
    string StorePath,
    IReadOnlyList<string> Boards,
    IReadOnlyList<string> Cases,
    IReadOnlyList<string> NightlyRunIds,
    string XssRunId,
    string IncompleteRunId,
    DateTimeOffset Now)
{
    /// <summary>A finished bisection whose steps are nightly runs; its bad commit's subject carries markup.</summary>
    public string BisectionId { get; init; } = string.Empty;

    /// <summary>The newest nightly run (the newest run of all).</summary>
    public string LatestNightly => NightlyRunIds[^1];
}
