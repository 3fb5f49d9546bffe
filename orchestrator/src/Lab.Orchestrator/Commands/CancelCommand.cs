using System.CommandLine;
using Lab.Orchestrator.Cli;
using Lab.Orchestrator.Core.Jobs;

namespace Lab.Orchestrator.Commands;

/// <summary><c>lab cancel ID [lab.json]</c>: cancels a queued job, or stops a running one (its boards stop cleanly, its results are kept).</summary>
internal static class CancelCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("job") { Description = "The job id lab submit printed" };
        var file = LabContext.LabJsonArgument();
        var command = new Command("cancel", "Cancel a queued job or stop a running one (results kept)") { id, file };
        command.SetAction(async parse =>
        {
            using var session = LabContext.Open(parse.GetValue(file), readOnly: false, out var failed);
            if (session is null)
            {
                return failed;
            }

            var store = session.Store;

            var jobId = parse.GetValue(id)!;
            switch (store.CancelJob(jobId))
            {
                case null:
                    await Console.Error.WriteLineAsync($"lab cancel: no job '{Core.Text.Escape(jobId, 80)}' (lab queue lists them)");
                    return ExitCodes.BadInput;
                case { State: JobState.Cancelled, EndedAt: not null } j when j.Note == "cancelled in the queue":
                    await Console.Out.WriteLineAsync($"{j.Id}: cancelled (it had not started)");
                    return ExitCodes.Ok;
                case { State: JobState.Running } j:
                    await Console.Out.WriteLineAsync($"{j.Id}: stopping (its boards stop cleanly; results recorded so far are kept)");
                    return ExitCodes.Ok;
                case var j:
                    await Console.Out.WriteLineAsync($"{j.Id}: already {j.State.ToString().ToLowerInvariant()}");
                    return ExitCodes.Ok;
            }
        });
        return command;
    }
}
