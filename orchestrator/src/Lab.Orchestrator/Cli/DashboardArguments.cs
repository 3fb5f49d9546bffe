using System.CommandLine;
using Lab.Dashboard;
using Lab.Orchestrator.Core.Jobs;
using Lab.Results;

namespace Lab.Orchestrator.Cli;

/// <summary>The dashboard's options, the same for <c>lab dashboard</c> and <c>lab serve</c>.</summary>
internal sealed class DashboardArguments
{
    private readonly Option<string> _urls = new("--urls")
    {
        Description = "Where the dashboard listens (loopback only unless --allow-remote)",
        DefaultValueFactory = _ => DashboardOptions.DefaultUrls,
    };

    private readonly Option<bool> _allowRemote = new("--allow-remote") { Description = "Also listen on non-loopback addresses (the dashboard has no accounts)" };

    private readonly Option<string?> _tokenFile = new("--token-file") { Description = "The 'Run now' token file (default: ~/.config/vfiolab/dashboard.token)" };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_urls);
        command.Options.Add(_allowRemote);
        command.Options.Add(_tokenFile);
    }

    /// <summary>The dashboard over <paramref name="store"/> as the command line asks for it.</summary>
    public DashboardOptions Options(ParseResult parse, LiteDbResultStore store, JobScheduler? scheduler = null) => new()
    {
        Store = store,
        StorePath = store.Path,
        Urls = parse.GetValue(_urls)!,
        AllowRemote = parse.GetValue(_allowRemote),
        TokenFile = parse.GetValue(_tokenFile),
        Scheduler = scheduler,
    };
}
