using System.CommandLine;
using Lab.Orchestrator.Cli;
using Lab.Orchestrator.Core.Jobs;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Run;
using Lab.Orchestrator.Service;

namespace Lab.Orchestrator.Commands;

/// <summary>
/// <c>lab submit [--board ID]... [--cases PATTERN] [--kernel NAME | --tree PATH | --patches DIR] [--priority P] [--wait] [lab.json]</c>:
/// queues a job for <c>lab serve</c> and prints its id; with <c>--wait</c> follows it and exits as <c>lab run</c> would.
/// </summary>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var file = LabContext.LabJsonArgument();
        var boards = new Option<string[]>("--board") { Description = "A board to run on (repeat for several; default: every board)", AllowMultipleArgumentsPerToken = false };
        var cases = new Option<string?>("--cases") { Description = "Case id pattern (default: the boards' suites)" };
        var kernel = new Option<string?>("--kernel") { Description = "A lab.json kernel to run instead of the boards' own" };
        var tree = new Option<string?>("--tree") { Description = "A Linux git tree whose drivers/vfio is built for the job" };
        var patches = new Option<string?>("--patches") { Description = "A patch queue directory applied instead of the kernel's" };
        var priority = new Option<JobPriority>("--priority") { Description = "high, normal or low", DefaultValueFactory = _ => JobPriority.Normal };
        var stressSeconds = new Option<int?>("--stress-seconds") { Description = "Seconds each stress case loops" };
        var wait = new Option<bool>("--wait") { Description = "Follow the job and exit with its run's exit code" };
        var command = new Command("submit", "Queue a job for lab serve; prints its id") { file, boards, cases, kernel, tree, patches, priority, stressSeconds, wait };
        command.SetAction(async (parse, ct) =>
        {
            var lab = LabContext.LoadOrReport(parse.GetValue(file), Console.Error);
            if (lab is null)
            {
                return ExitCodes.BadInput;
            }

            var ids = parse.GetValue(boards) is { Length: > 0 } given ? given : [.. lab.Config!.Boards.Select(b => b.Id)];
            var spec = new JobSpec(ids, parse.GetValue(cases), RunTrigger.Manual, Environment.UserName, parse.GetValue(priority))
            {
                Kernel = parse.GetValue(kernel),
                Tree = parse.GetValue(tree) is { } t ? Path.GetFullPath(t) : null,
                Patches = parse.GetValue(patches) is { } p ? Path.GetFullPath(p) : null,
                StressSeconds = parse.GetValue(stressSeconds),
                LabSha256 = lab.Sha256,
            };
            var bad = JobConfig.Problem(spec);
            if (bad is null && JobConfig.Apply(lab, spec, out var unknown) is null)
            {
                bad = unknown;
            }

            if (bad is not null)
            {
                await Console.Error.WriteLineAsync("lab submit: " + bad);
                return ExitCodes.BadInput;
            }

            using var store = LabContext.OpenStore(LabContext.StorePath(lab));
            if (store is null)
            {
                return ExitCodes.Infrastructure;
            }

            var job = store.SubmitJob(spec);
            await Console.Out.WriteLineAsync(job.Id);
            return parse.GetValue(wait) ? await JobFollower.FollowAsync(store, job.Id, Console.Error, TimeProvider.System, ct) : ExitCodes.Ok;
        });
        return command;
    }
}
