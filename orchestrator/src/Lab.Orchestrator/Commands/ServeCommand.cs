using System.CommandLine;
using System.Runtime.InteropServices;
using Lab.Dashboard;
using Lab.Orchestrator.Cli;
using Lab.Orchestrator.Core.Jobs;
using Lab.Orchestrator.Service;
using Lab.Results;

namespace Lab.Orchestrator.Commands;

/// <summary>
/// <c>lab serve [--urls URL] [--allow-remote] [--token-file F] [lab.json]</c>: the lab as a service: the dashboard,
/// the job scheduler (the queue <c>lab submit</c> fills, the nightly cron, health checks) and its workers, in one
/// process, until SIGTERM or Ctrl-C; then the running jobs' boards are stopped and those jobs queued again.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var file = LabContext.LabJsonArgument();
        var urls = new Option<string>("--urls")
        {
            Description = "Where the dashboard listens (loopback only unless --allow-remote)",
            DefaultValueFactory = _ => DashboardOptions.DefaultUrls,
        };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Also listen on non-loopback addresses (the dashboard has no accounts)" };
        var tokenFile = new Option<string?>("--token-file") { Description = "The 'Run now' token file (default: ~/.config/vfiolab/dashboard.token)" };
        var command = new Command("serve", "Run the lab as a service: dashboard, job queue, nightly schedule and workers (loopback by default)")
        {
            file, urls, allowRemote, tokenFile,
        };
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

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Stop(c, stop));
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Stop(c, stop));
            using var http = new HttpClient();
            var config = lab.Config!;
            var notifier = config.Webhook is { } hook
                ? new WebhookNotifier(new Uri(hook.Url), hook.TokenFile is null ? null : Path.GetFullPath(hook.TokenFile, lab.Directory), http)
                : null;
            var options = new SchedulerOptions
            {
                MaxParallelBoards = config.MaxParallelBoards,
                Nightly = config.Nightly is { } n ? new NightlySchedule(n.Cron) : null,
                NightlyBoards = config.Nightly is { } nb ? (nb.Boards.Count > 0 ? nb.Boards : [.. config.Boards.Select(b => b.Id)]) : [],
                Self = store.Self,
                WorkerAlive = ProcessLiveness.IsAlive,
                Leases = store.GetLeases,
            };
            var scheduler = new JobScheduler(store, new LabJobRunner(lab.Path, store, TimeProvider.System), notifier, options, TimeProvider.System);
            foreach (var job in scheduler.Recover())
            {
                await Console.Error.WriteLineAsync($"lab serve: job {job.Id}: {job.Note}");
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
                    Scheduler = scheduler,
                });
                await app.StartAsync(stop.Token);
                var next = options.Nightly?.Next(DateTimeOffset.UtcNow) is { } slot ? $"next nightly slot {slot:yyyy-MM-dd HH:mm}Z" : "no nightly schedule";
                await Console.Error.WriteLineAsync(
                    $"lab serve: dashboard on {string.Join(", ", app.Urls)}; up to {options.MaxParallelBoards} board(s) at once; {next}; store {store.Path}");
                await scheduler.RunAsync(stop.Token);
                await app.StopAsync(CancellationToken.None);
                return ExitCodes.Ok;
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync("lab serve: " + ex.Message);
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static void Stop(PosixSignalContext signal, CancellationTokenSource stop)
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        signal.Cancel = true;
        Console.Error.WriteLine($"lab serve: {signal.Signal}: stopping (running jobs' boards down, those jobs queued again)");
        _ = stop.CancelAsync();
    }
}
