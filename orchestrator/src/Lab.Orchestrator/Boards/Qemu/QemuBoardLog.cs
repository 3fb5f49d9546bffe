using Microsoft.Extensions.Logging;

namespace Lab.Orchestrator.Boards.Qemu;

/// <summary>Source-generated log messages of <see cref="QemuBoard"/>.</summary>
internal static partial class QemuBoardLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "QEMU started: pid {Pid}, SSH on 127.0.0.1:{Port}, run dir {RunDirectory}")]
    public static partial void Started(ILogger logger, int pid, int port, string runDirectory);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "board SSH-ready on 127.0.0.1:{Port} after {Elapsed}")]
    public static partial void Ready(ILogger logger, int port, TimeSpan elapsed);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "loopback port {Port} was taken before QEMU bound it; retrying on another")]
    public static partial void PortTaken(ILogger logger, int port);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "board on 127.0.0.1:{Port} reset through QMP")]
    public static partial void Reset(ILogger logger, int port);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "QEMU pid {Pid} stopped (exit code {ExitCode})")]
    public static partial void Stopped(ILogger logger, int pid, int exitCode);
}
