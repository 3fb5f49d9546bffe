namespace Lab.Orchestrator.Core.Config;

/// <summary>One problem in lab.json: where (a JSON path such as <c>$.boards[0].ssh.port</c>) and what.</summary>
public sealed record ConfigError(string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";
}
