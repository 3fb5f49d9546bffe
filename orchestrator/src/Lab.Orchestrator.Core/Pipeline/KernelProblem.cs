namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>A kernel message that means the kernel under test went wrong.</summary>
/// <param name="Name">What it is, for reasons: <c>panic</c>, <c>oops</c>, <c>BUG</c>, <c>KASAN</c>, <c>WARNING</c>...</param>
/// <param name="Fatal">True when the kernel cannot go on (a panic): the board must be reset.</param>
public sealed record KernelProblem(string Name, bool Fatal);
