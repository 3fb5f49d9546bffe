namespace Lab.Orchestrator.Core.Results;

/// <summary>How many results had each status.</summary>
public sealed record StatusCounts(int Fail, int Error, int Miss, int Pass, int Done, int Skip)
{
    /// <summary>No results.</summary>
    public static StatusCounts Empty { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>All results.</summary>
    public int Total => Fail + Error + Miss + Pass + Done + Skip;

    /// <summary>The worst status present (KCIDB priority), or null for none.</summary>
    public TestStatus? Worst =>
        Fail > 0 ? TestStatus.Fail : Error > 0 ? TestStatus.Error : Miss > 0 ? TestStatus.Miss :
        Pass > 0 ? TestStatus.Pass : Done > 0 ? TestStatus.Done : Skip > 0 ? TestStatus.Skip : null;

    /// <summary>Counts the given statuses.</summary>
    public static StatusCounts Of(IEnumerable<TestStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var c = new int[6];
        foreach (var s in statuses)
        {
            c[(int)s]++;
        }

        return new StatusCounts(c[5], c[4], c[3], c[2], c[1], c[0]);
    }

    /// <summary>Adds one result of the given status.</summary>
    public StatusCounts Add(TestStatus status) => status switch
    {
        TestStatus.Fail => this with { Fail = Fail + 1 },
        TestStatus.Error => this with { Error = Error + 1 },
        TestStatus.Miss => this with { Miss = Miss + 1 },
        TestStatus.Pass => this with { Pass = Pass + 1 },
        TestStatus.Done => this with { Done = Done + 1 },
        _ => this with { Skip = Skip + 1 },
    };
}
