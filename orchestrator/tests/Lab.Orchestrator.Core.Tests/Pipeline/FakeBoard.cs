using System.Text.RegularExpressions;
using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Config;

namespace Lab.Orchestrator.Core.Tests.Pipeline;

/// <summary>
/// A board that exists only in memory: power, console and a link whose commands answer like a board with
/// kernel/bind-device.sh and the agent. Each failure the pipeline must survive is a switch.
/// </summary>
internal sealed partial class FakeBoard(BoardConfig config) : IBoard, IBoardPower, IBoardConsole
{
    public List<string> Calls { get; } = [];

    /// <summary>Power-on attempts that throw before one works.</summary>
    public int FailPowerOn { get; set; }

    /// <summary>Boots that never become ready (the wait runs into the boot timeout).</summary>
    public int HangBoots { get; set; }

    /// <summary>What the console has captured.</summary>
    public string ConsoleText { get; set; } = string.Empty;

    /// <summary>uname -r on the board.</summary>
    public string Release { get; set; } = "6.1.0-57-arm64";

    /// <summary>Device name -> after how many results the link drops during its agent run.</summary>
    public Dictionary<string, int> DropLinkAfter { get; } = [];

    /// <summary>Devices whose next agent channel closes at once with no output, no exit status and no signal.</summary>
    public HashSet<string> EmptyChannelOnce { get; } = [];

    /// <summary>Device name -> after how many results the agent dies (exit 137).</summary>
    public Dictionary<string, int> KillAgentAfter { get; } = [];

    /// <summary>Device name -> after how many results a case hangs (no output, the link stays up).</summary>
    public Dictionary<string, int> HangCaseAfter { get; } = [];

    /// <summary>Device name -> after how many results the board freezes (case hangs and the board stops answering).</summary>
    public Dictionary<string, int> FreezeAfter { get; } = [];

    /// <summary>Device name -> before which result the kernel panics (printed on the console; the board then hangs).</summary>
    public Dictionary<string, int> PanicAt { get; } = [];

    /// <summary>Device name -> (result index, dmesg line the agent attaches to that case).</summary>
    public Dictionary<string, (int Index, string Line)> DmesgAt { get; } = [];

    /// <summary>Devices whose agent invocation loses the link before the agent printed anything.</summary>
    public HashSet<string> DropBeforeOutput { get; } = [];

    /// <summary>Devices whose stress-pass agent invocation loses the link before the agent printed anything.</summary>
    public HashSet<string> DropBeforeStressOutput { get; } = [];

    /// <summary>A device whose next agent invocation after a reset loses the link before printing anything.</summary>
    public string? DropBeforeOutputAfterReset { get; set; }

    /// <summary>Commands containing this text exit 2 with <see cref="FailingStderr"/> on stderr.</summary>
    public string? FailCommandsContaining { get; set; }

    public string FailingStderr { get; set; } = string.Empty;

    public bool Frozen { get; private set; }

    public BoardConfig Config { get; } = config;

    public IBoardPower Power => this;

    public IBoardConsole Console => this;

    public bool ModulesInImage { get; set; } = true;

    public string? Death { get; set; }

    public string LogPath { get; set; } = Path.Combine(Path.GetTempPath(), "fake-console-" + Guid.NewGuid().ToString("N") + ".log");

    public long Length => ConsoleText.Length;

    public string Tail(int lines) => string.Join('\n', ConsoleText.Split('\n').TakeLast(lines));

    public Task OnAsync(CancellationToken ct)
    {
        Calls.Add("power on");
        if (FailPowerOn > 0)
        {
            FailPowerOn--;
            throw new BoardPowerException("power on ([\"relay\", \"on\"]) failed: exit status 1: relay: device busy");
        }

        File.WriteAllText(LogPath, ConsoleText);
        return Task.CompletedTask;
    }

    public Task OffAsync(CancellationToken ct)
    {
        Calls.Add("power off");
        return Task.CompletedTask;
    }

    /// <summary>A reset that fails (the board cannot be brought back).</summary>
    public bool FailReset { get; set; }

    public Task ResetAsync(CancellationToken ct)
    {
        Calls.Add("power reset");
        if (FailReset)
        {
            throw new BoardPowerException("power reset ([\"relay\", \"cycle\"]) failed: exit status 1");
        }

        Frozen = false;
        Death = null;
        if (DropBeforeOutputAfterReset is { } device)
        {
            DropBeforeOutput.Add(device);
            DropBeforeOutputAfterReset = null;
        }

        return Task.CompletedTask;
    }

    public async Task<IBoardLink> WaitReadyAsync(CancellationToken ct)
    {
        Calls.Add("wait ready");
        if (HangBoots > 0)
        {
            HangBoots--;
            await Task.Delay(Timeout.Infinite, ct);
        }

        return new Link(this);
    }

    public Task<IBoardLink> ConnectAsync(CancellationToken ct) => Task.FromResult<IBoardLink>(new Link(this));

    public Task<string?> CheckAliveAsync(CancellationToken ct) => Task.FromResult(Death);

    public ValueTask DisposeAsync()
    {
        Calls.Add("dispose");
        File.Delete(LogPath);
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex("'--cases' '([^']*)'")]
    private static partial Regex CasesArgument();

    [GeneratedRegex("'--device' '([^']*)'")]
    private static partial Regex DeviceArgument();

    private sealed class Link(FakeBoard board) : IBoardLink
    {
        private bool _open = true;

        public string Endpoint => "root@fake:22";

        public bool IsConnected => _open && !board.Frozen;

        public Task<CommandResult> RunAsync(string command, TimeSpan timeout, CancellationToken ct)
        {
            board.Calls.Add(command);
            if (board.Frozen || !_open)
            {
                throw new BoardConnectionLostException($"{Endpoint}: connection lost while running: {command}");
            }

            if (board.FailCommandsContaining is { } failing && command.Contains(failing, StringComparison.Ordinal))
            {
                return Task.FromResult(new CommandResult(command, 2, string.Empty, board.FailingStderr, TimeSpan.Zero));
            }

            var stdout = command switch
            {
                "uname -r" => board.Release + "\n",
                _ when command.Contains("bind-device.sh' 'bind'", StringComparison.Ordinal) => Binding(command, "vfio-platform"),
                _ when command.Contains("bind-device.sh' 'restore'", StringComparison.Ordinal) => Binding(command, "virtio-mmio"),
                _ => string.Empty,
            };
            return Task.FromResult(new CommandResult(command, 0, stdout, string.Empty, TimeSpan.Zero));
        }

        public async Task<CommandResult> RunStreamingAsync(string command, Func<string, CancellationToken, ValueTask> onLine, TimeSpan timeout, CancellationToken ct)
        {
            board.Calls.Add(command);
            var device = DeviceArgument().Match(command).Groups[1].Value;
            var cases = CasesArgument().Match(command).Groups[1].Value.Split(',');
            if (!_open || board.Frozen)
            {
                // A link dropped by another device's agent (the first pass runs devices at once) takes this one too.
                throw new BoardConnectionLostException($"{Endpoint}: connection lost while running: {command}");
            }

            if (board.DropBeforeOutput.Remove(device) || (command.Contains("'--area' 'stress'", StringComparison.Ordinal) && board.DropBeforeStressOutput.Remove(device)))
            {
                _open = false;
                throw new BoardConnectionLostException($"{Endpoint}: connection lost (SshOperationTimeoutException: Session operation has timed out) while running: {command}");
            }

            if (board.EmptyChannelOnce.Remove(device))
            {
                return new CommandResult(command, null, string.Empty, string.Empty, TimeSpan.Zero);
            }

            await onLine("KTAP version 1", ct);
            await onLine("1.." + cases.Length, ct);
            for (var i = 0; i < cases.Length; i++)
            {
                if (board.DropLinkAfter.TryGetValue(device, out var drop) && drop == i)
                {
                    board.DropLinkAfter.Remove(device);
                    _open = false;
                    throw new BoardConnectionLostException($"{Endpoint}: connection lost while running: {command} (Connection reset by peer)");
                }

                if (board.KillAgentAfter.TryGetValue(device, out var kill) && kill == i)
                {
                    board.KillAgentAfter.Remove(device);
                    return new CommandResult(command, 137, string.Empty, "Killed", TimeSpan.Zero);
                }

                if (board.HangCaseAfter.TryGetValue(device, out var hang) && hang == i)
                {
                    board.HangCaseAfter.Remove(device);
                    await Task.Delay(Timeout.Infinite, ct);
                }

                if (board.PanicAt.TryGetValue(device, out var panic) && panic == i)
                {
                    board.PanicAt.Remove(device);
                    board.Frozen = true;
                    File.AppendAllText(board.LogPath, "[   42.000000] Kernel panic - not syncing: sysrq triggered crash\n");
                    await Task.Delay(Timeout.Infinite, ct);
                }

                if (board.DmesgAt.TryGetValue(device, out var dmesg) && dmesg.Index == i)
                {
                    await onLine("# lab.dmesg: " + dmesg.Line, ct);
                }

                if (board.FreezeAfter.TryGetValue(device, out var freeze) && freeze == i)
                {
                    board.FreezeAfter.Remove(device);
                    board.Frozen = true;
                    await Task.Delay(Timeout.Infinite, ct);
                }

                await onLine($"ok {i + 1} {cases[i]}", ct);
            }

            return new CommandResult(command, 0, string.Empty, string.Empty, TimeSpan.Zero);
        }

        public Task<UploadResult> UploadIfChangedAsync(string localPath, string remotePath, int unixMode, CancellationToken ct)
        {
            board.Calls.Add("upload " + remotePath);
            if (board.Frozen || !_open)
            {
                throw new BoardConnectionLostException($"{Endpoint}: connection lost while uploading {remotePath}");
            }

            return Task.FromResult(new UploadResult(remotePath, new string('a', 64), Uploaded: true));
        }

        public ValueTask DisposeAsync()
        {
            _open = false;
            return ValueTask.CompletedTask;
        }

        private static string Binding(string command, string driver)
        {
            // Selectors are platform:NAME in the tests' lab: the sysfs name is the lab.json device name.
            var name = command.Split('\'')[5].Split(':', 2)[1];
            return $"BUS=platform\nDEVICE={name}\nDRIVER={driver}\nORIGINAL=virtio-mmio\nGROUP=0\nGROUP_DEV=/dev/vfio/noiommu-{name}\n";
        }
    }
}
