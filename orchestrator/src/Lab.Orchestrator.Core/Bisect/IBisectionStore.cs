namespace Lab.Orchestrator.Core.Bisect;

/// <summary>Bisections, kept in the results store beside the runs of their steps.</summary>
public interface IBisectionStore
{
    /// <summary>Starts a bisection: stores it under a fresh id (made from its start time), which it returns with.</summary>
    BisectionRecord StartBisection(BisectionRecord bisection);

    /// <summary>Replaces a bisection's stored state (after each step and at its end).</summary>
    void SaveBisection(BisectionRecord bisection);

    /// <summary>One bisection; null when there is none with that id.</summary>
    BisectionRecord? GetBisection(string id);

    /// <summary>The <paramref name="limit"/> most recent bisections, newest first.</summary>
    IReadOnlyList<BisectionRecord> ListBisections(int limit = 50);
}
