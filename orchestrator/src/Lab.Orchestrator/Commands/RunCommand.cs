using System.CommandLine;
using System.Globalization;
using Lab.Orchestrator.Cli;
using Lab.Orchestrator.Core.Jobs;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Run;

namespace Lab.Orchestrator.Commands;

/// <summary>
/// <c>lab run [--board ID] [--cases PATTERN] [--kernel NAME | --tree PATH | --patches DIR] [--stress-seconds N] [--trigger manual|nightly|dashboard]
/// [--plan] [lab.json]</c>: builds, boots, binds and runs the catalog on each selected board, storing every result as it arrives; prints a summary.
/// Exit 0 when nothing failed, 1 when tests failed, 2 for bad input, 3 for infrastructure trouble (MISS/ERROR).
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("lab.json") { Description = "The lab inventory (default: ./lab.json)", Arity = ArgumentArity.ZeroOrOne };
        var board = new Option<string?>("--board") { Description = "Run only this board (default: every board)" };
        var cases = new Option<string?>("--cases") { Description = "Case id pattern, '*' matches any characters (default: the boards' suites)" };
        var stressSeconds = new Option<int?>("--stress-seconds")
        {
            Description = "Seconds each stress case loops, all devices at once (default: the suites' stressSeconds, else the agent's 5 s)",
        };
        var trigger = new Option<RunTrigger>("--trigger")
        {
            Description = "What started the run: manual, nightly or dashboard",
            DefaultValueFactory = _ => RunTrigger.Manual,
        };
        var kernel = new Option<string?>("--kernel") { Description = "A lab.json kernel to run instead of the boards' own" };
        var tree = new Option<string?>("--tree")
        {
            Description = "A Linux git tree whose drivers/vfio (as checked out, uncommitted changes included) is built instead of the kernel's source and patch queue",
        };
        var patches = new Option<string?>("--patches") { Description = "A patch queue directory applied instead of the kernel's" };
        var plan = new Option<bool>("--plan") { Description = "Print the steps per board and the (case, device) pairs that will run; touch no board" };
        var command = new Command("run", "Build, boot, bind and run the test catalog on the boards; results go to the store as they arrive")
        {
            file, board, cases, kernel, tree, patches, stressSeconds, trigger, plan,
        };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(file),
            new KernelChoice(parse.GetValue(kernel), parse.GetValue(tree) is { } t ? Path.GetFullPath(t) : null, parse.GetValue(patches) is { } p ? Path.GetFullPath(p) : null),
            new RunRequest(parse.GetValue(board), parse.GetValue(cases), parse.GetValue(trigger))
            {
                StressSeconds = parse.GetValue(stressSeconds),
                PlanOnly = parse.GetValue(plan),
            },
            ct));
        return command;
    }

    private static async Task<int> RunAsync(string? labJson, KernelChoice kernel, RunRequest request, CancellationToken ct)
    {
        var lab = LabContext.LoadOrReport(labJson, Console.Error);
        if (lab is null)
        {
            return ExitCodes.BadInput;
        }

        var boards = LabRun.SelectBoards(lab.Config!, request, out var problem);
        if (boards is null || boards.Count == 0)
        {
            await Console.Error.WriteLineAsync("lab: " + (problem ?? "no boards to run")).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        // A kernel, tree or patch queue from the command line replaces the boards' own, as for a submitted job.
        var spec = new JobSpec([.. boards.Select(b => b.Id)], request.Cases, request.Trigger, Environment.UserName, JobPriority.Normal)
        {
            Kernel = kernel.Name, Tree = kernel.Tree, Patches = kernel.Patches, StressSeconds = request.StressSeconds,
        };
        var bad = JobConfig.Problem(spec);
        var applied = bad is null ? JobConfig.Apply(lab, spec, out bad) : null;
        if (applied is null)
        {
            await Console.Error.WriteLineAsync("lab: " + bad).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        (lab, boards) = applied.Value;
        var problems = LabRun.Check(lab.Config!, boards);
        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                await Console.Error.WriteLineAsync("lab: " + p).ConfigureAwait(false);
            }

            return ExitCodes.BadInput;
        }

        if (request.PlanOnly)
        {
            RunPlan.Write(lab.Config!, request, boards, new CatalogPlanner(), Console.Out);
            return ExitCodes.Ok;
        }

        using var store = LabContext.OpenStore(LabContext.StorePath(lab));
        if (store is null)
        {
            return ExitCodes.Infrastructure;
        }

        // Ctrl-C (and SIGTERM) stop the run cleanly: QEMU down, results kept, run finished with a note.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        RunOutcome outcome;
        using (new StopSignals(stop, "lab", "stopping the run (boards down, results kept); again to abort at once"))
        {
            try
            {
                outcome = await new LabRun(lab, store, new RunProgress(Console.Error), TimeProvider.System)
                    .ExecuteAsync(request, boards, stop.Token).ConfigureAwait(false);
            }
            catch (ResultStoreException e)
            {
                // The boards are off (each pipeline stops its board first); what was recorded before stays readable.
                await Console.Error.WriteLineAsync($"lab: {e.Message}; the run stopped, results recorded before are kept").ConfigureAwait(false);
                return ExitCodes.Infrastructure;
            }
        }

        WriteSummary(outcome, Console.Out);
        var status = outcome.Run.Status;
        if (status is null && !outcome.Cancelled)
        {
            await Console.Error.WriteLineAsync("lab: no results were recorded (does any case match the pattern? lab-agent list shows the catalog)")
                .ConfigureAwait(false);
        }

        return ExitCodes.For(outcome);
    }

    private static void WriteSummary(RunOutcome outcome, TextWriter output)
    {
        var table = new TextTable("board", "status", "pass", "fail", "error", "miss", "skip", "duration", "health");
        foreach (var b in outcome.Boards)
        {
            table.Add(
                b.BoardId, b.Status?.ToKcidb() ?? "-", Count(b.Counts.Pass), Count(b.Counts.Fail), Count(b.Counts.Error),
                Count(b.Counts.Miss), Count(b.Counts.Skip), Format(b.Duration), b.Health);
        }

        table.Write(output);
        if (outcome.Run.Note is { } note)
        {
            output.WriteLine(note);
        }

        output.WriteLine($"run {outcome.Run.Id}: {outcome.Run.Status?.ToKcidb() ?? "NO RESULTS"}");
    }

    /// <summary>The command line's kernel, tree and patch queue (full paths); all null to keep the boards' own.</summary>
    private sealed record KernelChoice(string? Name, string? Tree, string? Patches);

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Format(TimeSpan d) =>
        d.TotalHours >= 1 ? d.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : d.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
