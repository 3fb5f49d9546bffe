namespace Lab.Dashboard.Features.RunDetail;

/// <summary>One log line: its number, text, whether the kernel was in trouble, and the case running then.</summary>
internal sealed record LogLine(int Number, string Text, bool Trouble, string? TestId);
