using Lab.Dashboard.Features.Runs;

namespace Lab.Dashboard.Features.Compare;

/// <summary>Two runs side by side, only what differs.</summary>
internal sealed record CompareView(RunSummary A, RunSummary B, IReadOnlyList<FieldDiff> Build, IReadOnlyList<CompareRow> Cases, int Same);
