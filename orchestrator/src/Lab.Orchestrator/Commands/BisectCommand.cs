using System.CommandLine;
using Lab.Orchestrator.Cli;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Kernel;
using Lab.Orchestrator.Run;

namespace Lab.Orchestrator.Commands;

/// <summary>
/// <c>lab bisect --tree PATH --good REV --bad REV --case ID [--board ID] [lab.json]</c>: finds the first commit of
/// the tree on which the case fails (see <see cref="Bisection"/>) and prints it with its subject. Exit 0 when it
/// names one commit, 3 when skipped commits leave several (or it was stopped), 2 for bad input.
/// </summary>
internal static partial class BisectCommand
{
    public static Command Create()
    {
        var file = LabContext.LabJsonArgument();
        var tree = new Option<string>("--tree") { Description = "A Linux git tree; drivers/vfio of each tested commit is built", Required = true };
        var good = new Option<string>("--good") { Description = "A revision on which the case passes", Required = true };
        var bad = new Option<string>("--bad") { Description = "A later revision on which it fails", Required = true };
        var caseId = new Option<string>("--case") { Description = "The case id judged on each commit, e.g. vfio.common.device.unknown_ioctl", Required = true };
        var board = new Option<string?>("--board") { Description = "The board every step runs on (default: the first board)" };
        var command = new Command("bisect", "Find the first commit of a tree on which a case fails: build, boot and run the case at each step")
        {
            file, tree, good, bad, caseId, board,
        };
        command.SetAction((parse, ct) => BisectAsync(
            parse.GetValue(file), parse.GetValue(tree)!, parse.GetValue(good)!, parse.GetValue(bad)!, parse.GetValue(caseId)!, parse.GetValue(board), ct));
        return command;
    }

    private static async Task<int> BisectAsync(string? labJson, string tree, string good, string bad, string caseId, string? boardId, CancellationToken ct)
    {
        var problem = Problem(tree, good, bad, caseId);
        if (problem is not null)
        {
            await Console.Error.WriteLineAsync("lab bisect: " + problem).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        using var session = LabContext.Open(labJson, readOnly: false, out var code);
        if (session is null)
        {
            return code;
        }

        var config = session.Lab.Config!;
        var board = boardId is null ? (config.Boards.Count > 0 ? config.Boards[0] : null) : config.Boards.FirstOrDefault(b => b.Id == boardId);
        if (board is null)
        {
            await Console.Error.WriteLineAsync(
                $"lab bisect: no board '{boardId}' in lab.json (boards: {string.Join(", ", config.Boards.Select(b => b.Id))})").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var planner = new CatalogPlanner();
        if (!board.Devices.Select(d => planner.Plan(board, d, [caseId])).Any(p => p.Cases.Concat(p.StressCases).Contains(caseId, StringComparer.Ordinal)))
        {
            await Console.Error.WriteLineAsync(
                $"lab bisect: case {caseId} runs on no device of board '{board.Id}' (./lab run --plan --board {board.Id} lists what does)").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var request = new BisectRequest(Path.GetFullPath(tree), good, bad, caseId, board.Id);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using (new StopSignals(stop, "lab bisect", "stopping the bisection (board down, steps so far kept); again to abort at once"))
        {
            try
            {
                var result = await new Bisection(session.Lab, session.Store, session.Store, new RunProgress(Console.Error), TimeProvider.System, Console.Out)
                    .RunAsync(request, stop.Token).ConfigureAwait(false);
                return result.FirstBad is null ? ExitCodes.Infrastructure : ExitCodes.Ok;
            }
            catch (GitException e)
            {
                await Console.Error.WriteLineAsync("lab bisect: " + e.Message).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            catch (ResultStoreException e)
            {
                await Console.Error.WriteLineAsync($"lab bisect: {e.Message}; the bisection stopped, steps recorded before are kept").ConfigureAwait(false);
                return ExitCodes.Infrastructure;
            }
        }
    }

    private static string? Problem(string tree, string good, string bad, string caseId) =>
        !Directory.Exists(Path.Combine(tree, "drivers", "vfio")) ? $"--tree {Core.Text.Escape(tree, 200)}: no drivers/vfio there"
        : new[] { good, bad }.FirstOrDefault(r => !Core.Config.GitRevision.IsWellFormed(r)) is { } rev ? $"'{Core.Text.Escape(rev, 60)}' is not a git revision"
        : !CaseId().IsMatch(caseId) ? $"--case '{Core.Text.Escape(caseId, 80)}' is not a case id such as vfio.common.device.unknown_ioctl (no pattern)"
        : null;

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9_]+(\\.[a-z0-9_]+)+$")]
    private static partial System.Text.RegularExpressions.Regex CaseId();
}
