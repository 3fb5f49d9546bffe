using Lab.Dashboard.Features.Runs;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.RunDetail;

/// <summary>A run with what it built and each board's cases.</summary>
internal sealed record RunDetailView(RunSummary Run, BuildInfo Build, bool HasBuildLog, IReadOnlyList<BoardDetail> Boards);
