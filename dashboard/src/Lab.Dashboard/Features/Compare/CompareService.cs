using Lab.Dashboard.Data;
using Lab.Dashboard.Features.Runs;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Compare;

/// <summary>Compares two runs: build fields and per-case status and errno, differences only.</summary>
internal sealed class CompareService
{
    private readonly ResultsReader _reader;

    public CompareService(ResultsReader reader) => _reader = reader;

    public CompareView? Compare(string a, string b)
    {
        var runA = _reader.Run(a);
        var runB = _reader.Run(b);
        if (runA is null || runB is null)
        {
            return null;
        }

        var build = new List<FieldDiff>();
        void Diff(string field, string? x, string? y)
        {
            if (!string.Equals(x, y, StringComparison.Ordinal))
            {
                build.Add(new FieldDiff(field, x, y));
            }
        }

        Diff("kernel", runA.Build.KernelVersion, runB.Build.KernelVersion);
        Diff("kernel source", runA.Build.KernelSource, runB.Build.KernelSource);
        Diff("patch queue", runA.Build.PatchQueueHash, runB.Build.PatchQueueHash);
        Diff("modules", runA.Build.ModuleBuildHash, runB.Build.ModuleBuildHash);
        Diff("agent", runA.Build.AgentBuildHash, runB.Build.AgentBuildHash);
        Diff("lab.json", runA.Build.LabJsonHash, runB.Build.LabJsonHash);

        var left = Index(_reader.Results(runA));
        var right = Index(_reader.Results(runB));
        var rows = new List<CompareRow>();
        var same = 0;
        foreach (var key in left.Keys.Union(right.Keys).Order())
        {
            left.TryGetValue(key, out var x);
            right.TryGetValue(key, out var y);
            if (x is not null && y is not null && x.Status == y.Status && x.ErrnoName == y.ErrnoName)
            {
                same++;
                continue;
            }

            rows.Add(new CompareRow(key.Board, key.Test, x?.Status.ToKcidb(), y?.Status.ToKcidb(), x?.ErrnoName, y?.ErrnoName));
        }

        return new CompareView(RunSummary.Of(runA), RunSummary.Of(runB), build, rows, same);
    }

    private static Dictionary<(string Board, string Test), TestResultRecord> Index(IEnumerable<TestResultRecord> results)
    {
        var d = new Dictionary<(string, string), TestResultRecord>();
        foreach (var r in results)
        {
            d[(r.BoardId, r.TestId)] = r;
        }

        return d;
    }
}
