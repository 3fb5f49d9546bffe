using Lab.Orchestrator.Boards;
using Lab.Orchestrator.Boards.Qemu;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Kernel;

namespace Lab.Orchestrator.Run;

/// <summary>
/// One <c>lab run</c>: checks every selected board's steps before touching any, opens the run in the store, runs
/// the boards one after another through <see cref="BoardPipeline"/>, and finishes the run with a note naming the
/// boards that did not work.
/// </summary>
internal sealed class LabRun(LabConfigResult lab, IResultStore store, RunProgress progress, TimeProvider time)
{
    private readonly LabConfigResult _lab = lab;
    private readonly IResultStore _store = store;
    private readonly RunProgress _progress = progress;
    private readonly TimeProvider _time = time;

    /// <summary>The boards a request selects; null (with the reason) when it names an unknown board.</summary>
    public static IReadOnlyList<BoardConfig>? SelectBoards(LabConfig config, RunRequest request, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(request);
        problem = null;
        if (request.BoardId is { } id)
        {
            var board = config.Boards.FirstOrDefault(b => b.Id == id);
            if (board is null)
            {
                problem = $"no board '{id}' in lab.json (boards: {string.Join(", ", config.Boards.Select(b => b.Id))})";
                return null;
            }

            return [board];
        }

        if (request.Trigger == RunTrigger.Nightly && config.Nightly is { Boards.Count: > 0 } nightly)
        {
            return config.Boards.Where(b => nightly.Boards.Contains(b.Id, StringComparer.Ordinal)).ToList();
        }

        return config.Boards;
    }

    /// <summary>The problems that stop the run before any board is touched, each naming its board.</summary>
    public static IReadOnlyList<string> Check(LabConfig config, IReadOnlyList<BoardConfig> boards)
    {
        ArgumentNullException.ThrowIfNull(boards);
        return boards.SelectMany(b => BoardSteps.Check(b, config).Select(p => $"board '{b.Id}': {p}")).ToList();
    }

    /// <summary>A board another run holds: one MISS <c>lab.board.lease</c> naming the holder; the board is not touched.</summary>
    private BoardSummary BoardInUse(string runId, BoardConfig board, BoardLease? heldBy)
    {
        var now = _time.GetUtcNow();
        var who = heldBy is null ? "another run" : $"{heldBy.Holder} until {heldBy.ExpiresAt:yyyy-MM-dd HH:mm:ss}Z (renewed while it runs)";
        _store.UpsertBoardRun(new BoardRunRecord(runId, board.Id, 0, "in use", null, now, null, StatusCounts.Empty));
        _store.AddResult(new TestResultRecord(runId, board.Id, "lab.board.lease", TestStatus.Miss, TimeSpan.Zero, now, Reason: $"the board is in use by {who}"));
        var counts = _store.GetBoardRuns(runId).First(b => b.BoardId == board.Id).Counts;
        _store.UpsertBoardRun(new BoardRunRecord(runId, board.Id, 0, "in use", counts.Worst, now, now, counts));
        _progress.Board(board.Id, $"MISS lab.board.lease: the board is in use by {who}");
        return new BoardSummary(board.Id, counts.Worst, counts, TimeSpan.Zero, "in use");
    }

    /// <summary>
    /// Runs the boards; <paramref name="runStarted"/> hears the run's id as soon as the store has opened it;
    /// <paramref name="work"/> replaces the catalog in the cases step (<c>lab bench</c>).
    /// </summary>
    public async Task<RunOutcome> ExecuteAsync(
        RunRequest request, IReadOnlyList<BoardConfig> boards, CancellationToken ct, Action<string>? runStarted = null, IBoardWork? work = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(boards);
        var run = _store.StartRun(request.Trigger, request.Who ?? Environment.UserName, boards.Select(b => b.Id).ToList(), new BuildInfo(_lab.Sha256));
        runStarted?.Invoke(run.Id);
        _progress.Run($"run {run.Id} started ({boards.Count} board{(boards.Count == 1 ? string.Empty : "s")}; ./lab results --run {run.Id})");
        var runDirectory = Path.Combine(_lab.Directory, ".lab", "runs", run.Id);
        var builds = new RunBuilds(_store, new ScriptRunner(_time), _lab, run.Id, Path.Combine(runDirectory, "build"));
        var context = new BoardRunContext(_store, _progress, _time, _lab.Config!, request, run.Id, runDirectory, builds,
            new BoardFactory(_lab.Directory, _time), new CatalogPlanner())
        {
            Work = work,
            AfterPowerOff = board =>
            {
                if (board is QemuKind qemu)
                {
                    new BackingDiskCheck(_store, _progress, _time, run.Id, board.Config).CheckAll(qemu.Disks);
                }
            },
        };
        var summaries = new List<BoardSummary>();
        foreach (var board in boards)
        {
            if (ct.IsCancellationRequested)
            {
                break;
            }

            var holder = $"lab run {run.Id} (pid {Environment.ProcessId} on {Environment.MachineName}, {Environment.UserName})";
            var lease = BoardLeaseHolder.TryTake(_store, board.Id, holder, run.Id, _time, out var heldBy);
            if (lease is null)
            {
                summaries.Add(BoardInUse(run.Id, board, heldBy));
                continue;
            }

            await using (lease.ConfigureAwait(false))
            {
                summaries.Add(await new BoardPipeline(context, board).RunAsync(ct).ConfigureAwait(false));
            }
        }

        var cancelled = ct.IsCancellationRequested;
        var broken = summaries.Where(s => s.Health != "ok" && !s.Health.StartsWith("ok after", StringComparison.Ordinal))
            .Select(s => $"{s.BoardId}: {s.Health}").ToList();
        broken.AddRange(summaries.Where(s => s.Recoveries.Count > 0).Select(s => $"{s.BoardId} recovered: {string.Join("; ", s.Recoveries)}"));
        if (cancelled)
        {
            broken.Insert(0, "cancelled by the user");
        }

        var finished = _store.FinishRun(run.Id, broken.Count == 0 ? null : string.Join("; ", broken), cancelled ? TestStatus.Miss : null);
        return new RunOutcome(finished, summaries, cancelled);
    }
}
