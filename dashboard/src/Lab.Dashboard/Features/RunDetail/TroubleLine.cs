namespace Lab.Dashboard.Features.RunDetail;

/// <summary>A kernel oops/BUG/WARNING/panic line, where it was seen, and the case running then (if known).</summary>
internal sealed record TroubleLine(string BoardId, string Source, int Number, string Text, string? TestId);
