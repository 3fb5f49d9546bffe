using Lab.Dashboard.Features.Runs;

namespace Lab.Dashboard.Features.Regressions;

/// <summary>The labelled cases of one run, judged over a window of earlier runs on the same boards.</summary>
internal sealed record RegressionsView(RunSummary Run, int Window, IReadOnlyList<RegressionEntry> Entries);
