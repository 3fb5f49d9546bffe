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
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen (loopback only unless --allow-remote)",
            DefaultValueFactory = _ => DashboardOptions.DefaultUrls,
        };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Also listen on non-loopback addresses (the dashboard has no accounts)" };
        var tokenFile = new Option<string?>("--token-file") { Description = "The 'Run now' token file (default: ~/.config/vfiolab/dashboard.token)" };
        var command = new Command("dashboard", "Serve the results dashboard (loopback by default)") { file, urls, allowRemote, tokenFile };
        command.SetAction(async (parse, ct) =>
        {
            var lab = LabContext.LoadOrReport(parse.GetValue(file), Console.Error);
            if (lab is null)
            {
                return ExitCodes.BadInput;
            }

            using var store = LabContext.OpenStore(LabContext.StorePath(lab));
            if (store is null)
            {
                return ExitCodes.Infrastructure;
            }

            try
            {
                await using var app = DashboardHost.Build(new DashboardOptions
                {
                    Store = store,
                    StorePath = store.Path,
                    Urls = parse.GetValue(urls)!,
                    AllowRemote = parse.GetValue(allowRemote),
                    TokenFile = parse.GetValue(tokenFile),
                });
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
