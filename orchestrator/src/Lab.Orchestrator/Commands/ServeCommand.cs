using System.CommandLine;
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
        var dashboard = new DashboardArguments();
        var command = new Command("serve", "Run the lab as a service: dashboard, job queue, nightly schedule and workers (loopback by default)") { file };
        dashboard.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var session = LabContext.Open(parse.GetValue(file), readOnly: false, out var failed);
            if (session is null)
            {
                return failed;
            }

            var (lab, store) = session;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var signals = new StopSignals(stop, "lab serve", "stopping (running jobs' boards down, those jobs queued again)");
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
                await using var app = DashboardHost.Build(dashboard.Options(parse, store, scheduler));
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
}
