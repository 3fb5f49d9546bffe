using Lab.Orchestrator.Core.Config;
using Lab.Results;

namespace Lab.Orchestrator.Cli;

/// <summary>lab.json and its store, as a subcommand that needs both opens them (<see cref="LabContext.Open"/>).</summary>
internal sealed record LabSession(LabConfigResult Lab, LiteDbResultStore Store) : IDisposable
{
    public void Dispose() => Store.Dispose();
}
