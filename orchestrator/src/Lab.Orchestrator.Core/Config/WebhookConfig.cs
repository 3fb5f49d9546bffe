using System.ComponentModel;

namespace Lab.Orchestrator.Core.Config;

/// <summary>A webhook for job ends and new regressions (LAVA's callbacks).</summary>
public sealed record WebhookConfig
{
    /// <summary>The http(s) URL to POST to.</summary>
    [Description("http(s) URL that receives a POST with a JSON body per event.")]
    public required string Url { get; init; }

    /// <summary>A file holding the token sent in the <c>X-Lab-Token</c> header (the token is never in lab.json or the store).</summary>
    [Description("File (relative to lab.json) whose content is sent in the X-Lab-Token header. Optional.")]
    public string? TokenFile { get; init; }
}
