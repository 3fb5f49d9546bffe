namespace Lab.Orchestrator.Core.Bench;

/// <summary>Which program ran a bench loop.</summary>
public enum BenchSide
{
    /// <summary>The reference: agents/bench/vfio-bench.c (or, for the start floor, the NativeAOT aot-hello).</summary>
    Reference,

    /// <summary>The agent (<c>lab-agent bench</c>, <c>lab-agent run</c>).</summary>
    Agent,
}
