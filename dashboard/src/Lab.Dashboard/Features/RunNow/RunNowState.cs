namespace Lab.Dashboard.Features.RunNow;

/// <summary>Whether "Run now" is available (a token is configured). Never carries the token.</summary>
internal sealed record RunNowState(bool Enabled);
