using Lab.Dashboard.Features.Runs;

namespace Lab.Dashboard.Features.Compare;

/// <summary>Two runs (or two board runs: a board on two kernels) side by side, only what differs.</summary>
internal sealed record CompareView(RunSummary A, RunSummary B, IReadOnlyList<FieldDiff> Build, IReadOnlyList<CompareRow> Cases, int Same)
{
    /// <summary>The board run of A compared, when two board runs are; else null.</summary>
    public string? BoardA { get; init; }

    /// <summary>The board run of B compared, when two board runs are; else null.</summary>
    public string? BoardB { get; init; }

    /// <summary>The kernel release of <see cref="BoardA"/>.</summary>
    public string? KernelA { get; init; }

    /// <summary>The kernel release of <see cref="BoardB"/>.</summary>
    public string? KernelB { get; init; }
}
