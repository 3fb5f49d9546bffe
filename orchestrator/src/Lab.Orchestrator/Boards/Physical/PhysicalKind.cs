using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Ssh;

namespace Lab.Orchestrator.Boards.Physical;

/// <summary>
/// The <c>ssh</c> kind: a physical board with its own OS. Power through lab.json's argv commands on the lab host
/// (each bounded by the power timeout, its output kept in <c>power.log</c>); reset is <c>power.reset</c>, or off
/// then on without one. The console is captured from <c>console.command</c> or <c>console.file</c> for the whole
/// board run. Boot wait until SSH answers with the pinned host key, login with <c>ssh.keyFile</c>. The VFIO
/// modules are uploaded and loaded by the pipeline (not in any image).
/// </summary>
internal sealed class PhysicalKind : IBoard, IBoardPower
{
    private readonly BoardSshOptions _ssh;
    private readonly TimeProvider _time;
    private readonly string _powerLog;
    private readonly ConsoleCapture? _capture;

    public PhysicalKind(BoardConfig config, BoardSshOptions ssh, string runDirectory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        _ssh = ssh;
        _time = time;
        Directory.CreateDirectory(runDirectory);
        _powerLog = Path.Combine(runDirectory, "power.log");
        var consoleLog = Path.Combine(runDirectory, "console.log");
        // Captured from creation on: the console of a board switched on by the power command is all in the file.
        _capture = config.Console switch
        {
            { Command: { Count: > 0 } command } => ConsoleCapture.FromCommand(command, consoleLog),
            { File: { } file } => ConsoleCapture.FromFile(file, consoleLog),
            _ => null,
        };
        Console = _capture ?? (IBoardConsole)new FileConsole(consoleLog);
    }

    /// <inheritdoc />
    public BoardConfig Config { get; }

    /// <inheritdoc />
    public IBoardPower Power => this;

    /// <inheritdoc />
    public IBoardConsole Console { get; }

    /// <inheritdoc />
    public bool ModulesInImage => false;

    /// <inheritdoc />
    public string? Death => null;

    /// <inheritdoc />
    public Task OnAsync(CancellationToken ct) => HostCommand.RunAsync("power on", Config.Power?.On ?? [], _powerLog, ct);

    /// <inheritdoc />
    public Task OffAsync(CancellationToken ct) => HostCommand.RunAsync("power off", Config.Power?.Off ?? [], _powerLog, ct);

    /// <inheritdoc />
    public async Task ResetAsync(CancellationToken ct)
    {
        if (Config.Power?.Reset is { Count: > 0 } reset)
        {
            await HostCommand.RunAsync("power reset", reset, _powerLog, ct).ConfigureAwait(false);
            return;
        }

        await OffAsync(ct).ConfigureAwait(false);
        await OnAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<string?> CheckAliveAsync(CancellationToken ct) => Task.FromResult<string?>(null);

    /// <inheritdoc />
    public Task<IBoardLink> WaitReadyAsync(CancellationToken ct) => SshReadiness.WaitAsync(_ssh, _time, () => Death, ct);

    /// <inheritdoc />
    public async Task<IBoardLink> ConnectAsync(CancellationToken ct) => await BoardSsh.ConnectAsync(_ssh, _time, ct).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_capture is not null)
        {
            await _capture.DisposeAsync().ConfigureAwait(false);
        }
    }
}
