using System.CommandLine;
using Lab.Orchestrator.Cli;
using Lab.Orchestrator.Core.Bench;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Run;

namespace Lab.Orchestrator.Commands;

/// <summary>
/// <c>lab bench [--board ID] [--rounds N] [--iterations N] [lab.json]</c>: brings one board up as a run does, then
/// alternates the agent with the C reference (agents/bench/vfio-bench.c) on the same loops for N rounds, prints
/// metric, C median [min-max], agent median [min-max], agent/C, and stores the table as a run (one result
/// <c>lab.bench.ROW</c> per row, the figures as its measurements) so the dashboard's trends show it over time.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var file = LabContext.LabJsonArgument();
        var board = new Option<string?>("--board") { Description = "The board (default: the first QEMU arm64 board)" };
        var rounds = new Option<int>("--rounds") { Description = "Rounds; each runs every loop as C and as the agent", DefaultValueFactory = _ => 9 };
        var iterations = new Option<int>("--iterations") { Description = "Timed iterations per loop (after a warm-up of 5%, at least 10)", DefaultValueFactory = _ => 1000 };
        var command = new Command("bench", "Time the agent against a C reference doing the same VFIO loops on one board; print the table and store it as a run")
        {
            file, board, rounds, iterations,
        };
        command.SetAction((parse, ct) => BenchAsync(parse.GetValue(file), parse.GetValue(board), parse.GetValue(rounds), parse.GetValue(iterations), ct));
        return command;
    }

    private static async Task<int> BenchAsync(string? labJson, string? boardId, int rounds, int iterations, CancellationToken ct)
    {
        if (rounds is < 1 or > 100 || iterations is < 10 or > 100_000)
        {
            await Console.Error.WriteLineAsync("lab: --rounds must be 1-100 and --iterations 10-100000").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        using var session = LabContext.Open(labJson, readOnly: false, out var code);
        if (session is null)
        {
            return code;
        }

        var config = session.Lab.Config!;
        var board = boardId is null
            ? config.Boards.FirstOrDefault(b => b.Kind == BoardKind.Qemu && b.Arch == BoardArch.Arm64)
            : config.Boards.FirstOrDefault(b => b.Id == boardId);
        if (board is null)
        {
            await Console.Error.WriteLineAsync(boardId is null
                ? "lab: no QEMU arm64 board in lab.json: name one with --board"
                : $"lab: no board '{boardId}' in lab.json (boards: {string.Join(", ", config.Boards.Select(b => b.Id))})").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var problems = LabRun.Check(config, [board]);
        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                await Console.Error.WriteLineAsync("lab: " + p).ConfigureAwait(false);
            }

            return ExitCodes.BadInput;
        }

        var progress = new RunProgress(Console.Error);
        var work = new BoardBench(session.Store, progress, TimeProvider.System, rounds, iterations);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        RunOutcome outcome;
        using (new StopSignals(stop, "lab", "stopping the bench (board down, figures so far kept); again to abort at once"))
        {
            try
            {
                var request = new RunRequest(board.Id, null, RunTrigger.Manual) { Who = $"lab bench ({Environment.UserName})" };
                outcome = await new LabRun(session.Lab, session.Store, progress, TimeProvider.System)
                    .ExecuteAsync(request, [board], stop.Token, work: work).ConfigureAwait(false);
            }
            catch (ResultStoreException e)
            {
                await Console.Error.WriteLineAsync($"lab: {e.Message}; the bench stopped").ConfigureAwait(false);
                return ExitCodes.Infrastructure;
            }
        }

        await Console.Out.WriteAsync(work.Figures.Table()).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"run {outcome.Run.Id}: {outcome.Run.Status?.ToKcidb() ?? "NO RESULTS"}{(outcome.Run.Note is { } note ? " (" + note + ")" : string.Empty)}")
            .ConfigureAwait(false);
        return ExitCodes.For(outcome);
    }
}
