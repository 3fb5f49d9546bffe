using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Lab.Orchestrator.Boards.Qemu;
using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Ssh;

namespace Lab.Orchestrator.Boards.Fvp;

/// <summary>
/// The <c>fvp</c> kind: an ARM FastModels simulator. Power on launches the model with its <c>-C name=value</c>
/// parameters and arguments (placeholders filled with the kernel, initrd and DTB the lab built, and the SSH port
/// forward), reads its <c>terminal_N: Listening for serial connection on port P</c> lines, attaches the console to
/// the configured terminal and keeps reading every other one into its own file (a model stops when a UART buffer
/// fills). SSH goes through the model's user-network port forward on 127.0.0.1. Off kills the model's process
/// group by PID; none is ever left behind (see <see cref="WatchedProcess"/>). The modules are uploaded.
/// </summary>
internal sealed class FvpKind : IBoard, IBoardPower
{
    private readonly BootFiles _boot;
    private readonly BoardSshOptions _sshTemplate;
    private readonly string _runDirectory;
    private readonly string _labDirectory;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, ConsoleCapture> _terminals = new(StringComparer.Ordinal);
    private readonly string _modelLog;
    private WatchedProcess? _model;
    private BoardSshOptions? _ssh;
    private TaskCompletionSource _consoleAnnounced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FvpKind(BoardConfig config, BootFiles boot, BoardSshOptions ssh, string runDirectory, string labDirectory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        _boot = boot;
        _sshTemplate = ssh;
        _runDirectory = runDirectory;
        _labDirectory = labDirectory;
        _time = time;
        Directory.CreateDirectory(runDirectory);
        _modelLog = Path.Combine(runDirectory, "model.log");
        Console = new FileConsole(Path.Combine(runDirectory, "console.log"));
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
    public string? Death => _model is { HasExited: true } m ? $"the model exited with code {m.ExitCode}" : null;

    /// <summary>The model's argv for an SSH port (placeholders filled).</summary>
    public IReadOnlyList<string> Arguments(int sshPort)
    {
        var fvp = Config.Fvp ?? throw new InvalidDataException($"board '{Config.Id}' has no fvp settings");
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kernel"] = _boot.KernelImage,
            ["initrd"] = _boot.Initramfs,
            ["dtb"] = fvp.Dtb is { } dtb ? LabPath.Resolve(dtb, _labDirectory) : string.Empty,
            ["sshPort"] = sshPort.ToString(CultureInfo.InvariantCulture),
        };
        List<string> argv = [LabPath.Resolve(fvp.Model, _labDirectory)];
        foreach (var p in fvp.Parameters)
        {
            argv.AddRange(["-C", FvpBanner.Expand(p, values)]);
        }

        argv.AddRange(fvp.Arguments.Select(a => FvpBanner.Expand(a, values)));
        return argv;
    }

    /// <inheritdoc />
    public async Task OnAsync(CancellationToken ct)
    {
        await StopAsync().ConfigureAwait(false);
        var port = _sshTemplate.Port != 0 ? _sshTemplate.Port : FreePort.OnLoopback();
        _ssh = _sshTemplate with { Port = port };
        _consoleAnnounced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var argv = Arguments(port);
        await File.AppendAllTextAsync(_modelLog, "$ " + string.Join(' ', argv) + "\n", ct).ConfigureAwait(false);
        _model = WatchedProcess.Start(argv, OnModelLine);
        try
        {
            await _consoleAnnounced.Task.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested || Death is not null)
        {
            throw new BoardPowerException($"{Death ?? "the model"} before announcing {Config.Fvp!.ConsoleTerminal}; model log: {Core.Text.TailOfFile(_modelLog, 5)}", e);
        }
        catch (OperationCanceledException e)
        {
            throw new BoardPowerException(
                $"the model did not announce {Config.Fvp!.ConsoleTerminal} (\"terminal_N: Listening for serial connection on port P\") in time; model log: {Core.Text.TailOfFile(_modelLog, 5)}", e);
        }
    }

    /// <inheritdoc />
    public Task OffAsync(CancellationToken ct) => StopAsync();

    /// <inheritdoc />
    public async Task ResetAsync(CancellationToken ct)
    {
        await StopAsync().ConfigureAwait(false);
        await OnAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<string?> CheckAliveAsync(CancellationToken ct) => Task.FromResult(Death);

    /// <inheritdoc />
    public Task<IBoardLink> WaitReadyAsync(CancellationToken ct) =>
        SshReadiness.WaitAsync(_ssh ?? throw new BoardPowerException("the model is not running"), _time, () => Death, ct);

    /// <inheritdoc />
    public async Task<IBoardLink> ConnectAsync(CancellationToken ct) =>
        await BoardSsh.ConnectAsync(_ssh ?? throw new BoardPowerException("the model is not running"), _time, ct).ConfigureAwait(false);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(StopAsync());

    private void OnModelLine(string line)
    {
        try
        {
            File.AppendAllText(_modelLog, line + "\n");
        }
        catch (IOException)
        {
            // The log is a convenience; the terminals matter.
        }

        if (FvpBanner.Parse(line) is not { } terminal)
        {
            return;
        }

        _ = AttachAsync(terminal.Terminal, terminal.Port);
    }

    private async Task AttachAsync(string terminal, int port)
    {
        var isConsole = terminal == Config.Fvp!.ConsoleTerminal;
        var client = new TcpClient();
        try
        {
            // The model listens before it prints the line; a few tries cover a slow listen.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                    break;
                }
                catch (SocketException) when (attempt < 20)
                {
                    await Task.Delay(100).ConfigureAwait(false);
                }
            }

            var filter = new TelnetFilter();
            var log = isConsole ? Console.LogPath : Path.Combine(_runDirectory, terminal + ".log");
            var capture = ConsoleCapture.FromStream(client.GetStream(), log, filter.Filter, owner: client);
            if (!_terminals.TryAdd(terminal, capture))
            {
                await capture.DisposeAsync().ConfigureAwait(false);
            }

            if (isConsole)
            {
                _consoleAnnounced.TrySetResult();
            }
        }
        catch (SocketException e)
        {
            client.Dispose();
            File.AppendAllText(_modelLog, $"# lab: cannot attach to {terminal} on port {port}: {e.Message}\n");
        }
    }

    private async Task StopAsync()
    {
        if (_model is { } model)
        {
            _model = null;
            await model.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var (name, capture) in _terminals.ToArray())
        {
            _terminals.TryRemove(name, out _);
            await capture.DisposeAsync().ConfigureAwait(false);
        }
    }
}
