namespace Lab.Orchestrator.Kernel;

/// <summary>One module of a build: its name (as modprobe knows it), file and SHA-256.</summary>
internal sealed record BuiltModule(string Name, string Path, string Sha256, string Vermagic);
