using Lab.Orchestrator.Core.Config;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>
/// A board that runs several kernels (lab.json <c>kernels</c>) is run once per kernel, one after another, each as a
/// board of its own in the run: on its own kernel under its id, on another under <c>ID+KERNEL</c>. Results, the
/// matrix, trends and regressions are then per (board, kernel) without knowing about kernels at all.
/// </summary>
public static class BoardKernels
{
    /// <summary>What joins a board id and a kernel name in a board run's id.</summary>
    public const char Separator = '+';

    /// <summary>The boards a plain run (no kernel, tree or patch queue of its own) takes through their kernels, in order.</summary>
    public static IReadOnlyList<BoardConfig> Expand(IReadOnlyList<BoardConfig> boards)
    {
        ArgumentNullException.ThrowIfNull(boards);
        return [.. boards.SelectMany(b => (b.Kernels is { Count: > 0 } kernels ? kernels : [b.Kernel])
            .Select(k => k == b.Kernel ? b with { Kernels = null } : b with { Id = b.Id + Separator + k, Kernel = k, Kernels = null }))];
    }

    /// <summary>The lab.json board of a board run's id (<c>qemu-arm64</c> of <c>qemu-arm64+debian-6.12-arm64</c>).</summary>
    public static string BoardOf(string boardRunId)
    {
        ArgumentNullException.ThrowIfNull(boardRunId);
        var at = boardRunId.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? boardRunId : boardRunId[..at];
    }
}
