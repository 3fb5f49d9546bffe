namespace Lab.Dashboard.Features.RunDetail;

/// <summary>A case with its whole log, for the API.</summary>
internal sealed record CaseLog(CaseResult Case, string Log);
