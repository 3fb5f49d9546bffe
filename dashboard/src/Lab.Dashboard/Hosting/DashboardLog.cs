namespace Lab.Dashboard.Hosting;

/// <summary>The dashboard's log messages.</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "VfioLab dashboard listening on {Urls} ({Scope}); store {Store}")]
    public static partial void Listening(ILogger logger, string urls, string scope, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run now: job {JobId} started ./lab run on {Board} for {Cases}")]
    public static partial void RunNowStarted(ILogger logger, string jobId, string board, string cases);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run now refused from {Remote}: {Reason}")]
    public static partial void RunNowRefused(ILogger logger, string? remote, string reason);
}
