namespace Lab.Orchestrator.Kernel;

/// <summary>One module of a build: its name (as modprobe knows it), file, SHA-256, vermagic and the modules it needs.</summary>
internal sealed record BuiltModule(string Name, string Path, string Sha256, string Vermagic, IReadOnlyList<string> Depends);
