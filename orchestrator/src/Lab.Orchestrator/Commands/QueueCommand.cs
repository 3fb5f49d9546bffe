using System.CommandLine;
using System.Globalization;
using Lab.Orchestrator.Cli;

namespace Lab.Orchestrator.Commands;

/// <summary><c>lab queue [--ended N] [lab.json]</c>: the jobs queued and running, and the last ones ended.</summary>
internal static class QueueCommand
{
    public static Command Create()
    {
        var file = LabContext.LabJsonArgument();
        var ended = new Option<int>("--ended") { Description = "How many ended jobs to show", DefaultValueFactory = _ => 10 };
        var command = new Command("queue", "List the jobs of lab serve: queued, running and recently ended") { file, ended };
        command.SetAction(parse =>
        {
            using var session = LabContext.Open(parse.GetValue(file), readOnly: true, out var failed);
            if (session is null)
            {
                return failed;
            }

            var store = session.Store;

            var table = new TextTable("job", "state", "boards", "cases", "priority", "trigger", "who", "submitted", "now / outcome");
            foreach (var j in store.ListJobs(Math.Max(0, parse.GetValue(ended))))
            {
                table.Add(j.Id, j.State.ToString().ToLowerInvariant(), string.Join(",", j.Spec.Boards), j.Spec.Cases ?? "(suites)",
                    j.Spec.Priority.ToString().ToLowerInvariant(), j.Spec.HealthCheck ? "health" : j.Spec.Trigger.ToString().ToLowerInvariant(),
                    j.Spec.Who, j.SubmittedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z",
                    Core.Text.Escape((j.Ended ? j.Note : j.Progress ?? j.Note) ?? string.Empty, 100));
            }

            table.Write(Console.Out);
            return ExitCodes.Ok;
        });
        return command;
    }
}
