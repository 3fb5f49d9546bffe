using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Lab.Dashboard;
using Lab.Orchestrator.Cli;

namespace Lab.Orchestrator.Commands;

/// <summary><c>lab dashboard [--urls URL] [--allow-remote] [lab.json]</c>: the dashboard over this lab's store.</summary>
internal static class DashboardCommand
{
    public static Command Create()
    {
        var file = LabContext.LabJsonArgument();
        var dashboard = new DashboardArguments();
        var command = new Command("dashboard", "Serve the results dashboard (loopback by default)") { file };
        dashboard.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var session = LabContext.Open(parse.GetValue(file), readOnly: false, out var failed);
            if (session is null)
            {
                return failed;
            }

            try
            {
                await using var app = DashboardHost.Build(dashboard.Options(parse, session.Store));
                await app.StartAsync(ct);
                await app.WaitForShutdownAsync(ct);
                return ExitCodes.Ok;
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync("lab dashboard: " + ex.Message);
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
