using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Bench;

/// <summary>
/// <c>lab bench</c>'s work on a board that is up: uploads the C reference (vfio-bench) and aot-hello next to the
/// agent, then for each round runs every loop (<see cref="BenchItem"/>) as the reference and as the agent, the order
/// alternating from round to round, and stores one result per row when the rounds are done.
/// </summary>
public sealed class BoardBench(IResultStore store, RunProgress progress, TimeProvider time, int rounds, int iterations) : IBoardWork
{
    private static readonly TimeSpan _loopLimit = TimeSpan.FromMinutes(2);
    private readonly IResultStore _store = store;
    private readonly RunProgress _progress = progress;
    private readonly TimeProvider _time = time;

    /// <summary>The figures so far (the table once the work is done).</summary>
    public BenchFigures Figures { get; } = new();

    /// <inheritdoc/>
    public string Describe(BoardConfig board) => $"bench: {rounds} rounds, the C reference and the agent alternated, {iterations} iterations per loop...";

    /// <inheritdoc/>
    public async Task RunAsync(BoardWorkSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var tools = Path.GetDirectoryName(session.AgentPath)!;
        foreach (var (local, remote) in new[] { ("vfio-bench", BenchItem.RemoteReference), ("aot-hello", BenchItem.RemoteHello) })
        {
            var path = Path.Combine(tools, local);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{path} is missing: agents/build.sh builds it next to the agent", path);
            }

            await session.Link.UploadIfChangedAsync(path, remote, Convert.ToInt32("755", 8), ct).ConfigureAwait(false);
        }

        var items = BenchItem.For(session.Bound, iterations, DeviceCaseRun.RemoteAgent);
        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                var started = _time.GetTimestamp();
                foreach (var item in items)
                {
                    // Alternate who goes first, so neither side always meets a warmer (or busier) board.
                    var sides = round % 2 == 1 ? new[] { BenchSide.Reference, BenchSide.Agent } : [BenchSide.Agent, BenchSide.Reference];
                    foreach (var side in sides)
                    {
                        var argv = side == BenchSide.Agent ? item.Agent : item.Reference;
                        var result = await session.Link.RunAsync(ShellQuote.Join(argv), _loopLimit, ct).ConfigureAwait(false);
                        if (result.Succeeded)
                        {
                            Figures.Add(item, side, result.Stdout);
                        }
                        else
                        {
                            var status = result.ExitStatus is { } s ? $"exit status {s}" : $"killed by signal {result.ExitSignal ?? "(unnamed)"}";
                            Figures.Fail(item, side, $"{item.Name}: {status}: {Text.Brief(result.Stderr).Replace('\n', ' ')}");
                        }
                    }
                }

                _progress.Board(session.Board.Id, $"bench round {round}/{rounds} done ({_time.GetElapsedTime(started).TotalSeconds:0.0} s)");
            }
        }
        finally
        {
            // What the rounds that ran measured is stored even when the board stopped answering.
            foreach (var record in Figures.Results(session.RunId, session.Board.Id, _time.GetUtcNow()))
            {
                _store.AddResult(record);
            }
        }
    }
}
