namespace Lab.Orchestrator.Core.Config;

/// <summary>The outcome of loading lab.json: the model when valid, else every problem found.</summary>
/// <param name="Path">The full path of lab.json.</param>
/// <param name="Config">The lab, or null when there were errors.</param>
/// <param name="Sha256">SHA-256 of the file's text (recorded with each run).</param>
/// <param name="Errors">Every problem, each with its JSON path.</param>
public sealed record LabConfigResult(string Path, LabConfig? Config, string Sha256, IReadOnlyList<ConfigError> Errors)
{
    /// <summary>True when lab.json is usable.</summary>
    public bool IsValid => Config is not null && Errors.Count == 0;

    /// <summary>The folder lab.json is in; relative paths in it start here.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;
}
