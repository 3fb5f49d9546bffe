namespace Lab.Dashboard.Features.RunNow;

/// <summary>A job as the API shows it.</summary>
internal sealed record RunJobView(
    string Id, string BoardId, string Cases, IReadOnlyList<string> Argv, DateTimeOffset StartedAt, bool Running,
    int? ExitCode, string? Error, IReadOnlyList<string> Output)
{
    public static RunJobView Of(RunJob j)
    {
        ArgumentNullException.ThrowIfNull(j);
        return new(j.Id, j.BoardId, j.Cases, j.Argv, j.StartedAt, j.Running, j.ExitCode, j.Error, j.Output());
    }
}
