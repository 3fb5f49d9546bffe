namespace Lab.Dashboard.Features.RunNow;

/// <summary>A developer-triggered run the dashboard started: its command line, state and output so far.</summary>
internal sealed class RunJob
{
    private const int MaxLines = 2000;
    private readonly Lock _gate = new();
    private readonly List<string> _output = [];

    public RunJob(string id, string boardId, string cases, IReadOnlyList<string> argv, DateTimeOffset startedAt)
    {
        Id = id;
        BoardId = boardId;
        Cases = cases;
        Argv = argv;
        StartedAt = startedAt;
    }

    public string Id { get; }

    public string BoardId { get; }

    public string Cases { get; }

    public IReadOnlyList<string> Argv { get; }

    public DateTimeOffset StartedAt { get; }

    public int? ExitCode { get; private set; }

    public string? Error { get; private set; }

    public bool Running => ExitCode is null && Error is null;

    public IReadOnlyList<string> Output()
    {
        lock (_gate)
        {
            return [.. _output];
        }
    }

    public void Append(string line)
    {
        lock (_gate)
        {
            if (_output.Count < MaxLines)
            {
                _output.Add(line);
            }
        }
    }

    public void Exited(int code) => ExitCode = code;

    public void Failed(string error) => Error = error;
}
