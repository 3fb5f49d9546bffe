using Lab.Orchestrator.Core.Jobs;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard;

/// <summary>How to start the dashboard. <c>lab dashboard</c> fills these from its command line and lab.json.</summary>
public sealed class DashboardOptions
{
    /// <summary>The default address: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The results store file (<c>.lab/results.db</c> beside lab.json by default). Ignored when <see cref="Store"/> is set.</summary>
    public string StorePath { get; init; } = string.Empty;

    /// <summary>
    /// An already open store to read instead of opening <see cref="StorePath"/> (the store is one instance per process:
    /// a CLI that holds one passes it here). The dashboard does not dispose it.
    /// </summary>
    public IResultStore? Store { get; init; }

    /// <summary>Where to listen, Kestrel syntax, ';'-separated. Loopback only unless <see cref="AllowRemote"/>.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>The "Run now" token file; null means <see cref="DefaultTokenFile"/>. Without the file, "Run now" is off.</summary>
    public string? TokenFile { get; init; }

    /// <summary>The scheduler of <c>lab serve</c> when it runs in this process (the queue page then says why jobs wait).</summary>
    public JobScheduler? Scheduler { get; init; }

    /// <summary>Listen on non-loopback addresses too. Off by default: the dashboard has no user accounts.</summary>
    public bool AllowRemote { get; init; }

    /// <summary>The clock; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary><c>${XDG_CONFIG_HOME:-~/.config}/vfiolab/dashboard.token</c>.</summary>
    public static string DefaultTokenFile()
    {
        var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(config))
        {
            config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }

        return Path.Combine(config, "vfiolab", "dashboard.token");
    }
}
