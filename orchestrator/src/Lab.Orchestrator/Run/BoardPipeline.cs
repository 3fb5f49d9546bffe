using System.Globalization;
using System.Runtime.ExceptionServices;
using Lab.Orchestrator.Boards;
using Lab.Orchestrator.Boards.Qemu;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Ssh;

namespace Lab.Orchestrator.Run;

/// <summary>
/// One board's part of a run: build, boot, bring-up, deploy, cases, each step with its own timeout from
/// lab.json. A failure in any step before the cases becomes one MISS result <c>lab.board.STEP</c> carrying the
/// reason and the console tail; results are in the store the moment they exist; QEMU never outlives it.
/// </summary>
internal sealed class BoardPipeline(
    IResultStore store, RunBuilds builds, RunProgress progress, TimeProvider time, LabConfigResult lab, RunRequest request,
    string runId, string runDirectory, BoardConfig board)
{
    private static readonly TimeSpan _disposeLimit = TimeSpan.FromSeconds(8);
    private readonly IResultStore _store = store;
    private readonly RunBuilds _builds = builds;
    private readonly RunProgress _progress = progress;
    private readonly TimeProvider _time = time;
    private readonly LabConfigResult _lab = lab;
    private readonly RunRequest _request = request;
    private readonly string _runId = runId;
    private readonly string _runDirectory = runDirectory;
    private readonly BoardConfig _board = board;
    private string _step = "build";
    private long _stepStart;
    private int _attempts;
    private QemuBoard? _qemu;
    private IReadOnlyList<QemuDisk> _disks = [];

    /// <summary>Runs the board; never throws for board trouble (it becomes results), returns the summary.</summary>
    public async Task<BoardSummary> RunAsync(CancellationToken ct)
    {
        var startedAt = _time.GetUtcNow();
        var start = _time.GetTimestamp();
        _stepStart = start;
        _store.UpsertBoardRun(new BoardRunRecord(_runId, _board.Id, 0, "running", null, startedAt, null, StatusCounts.Empty));
        var health = "ok";
        string? consoleLogId = null;
        using var boardLimit = new StepTimeout(_time, TimeSpan.FromSeconds(_board.Timeouts.BoardSeconds), ct);
        try
        {
            if (_board.Kind == BoardKind.Qemu)
            {
                await RunQemuAsync(boardLimit.Token).ConfigureAwait(false);
            }
            else
            {
                _step = "kind";
                health = "not supported";
                AddMiss($"board kind '{_board.Kind.ToString().ToLowerInvariant()}' is not supported by lab run yet (qemu boards only)", null);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            health = "cancelled";
            AddMiss($"cancelled (Ctrl-C) during {_step}", ConsoleTail());
        }
        catch (OperationCanceledException) when (boardLimit.TimedOut)
        {
            health = $"{_step}: board time limit";
            AddMiss($"the board time limit of {_board.Timeouts.BoardSeconds} s ran out during {_step}", ConsoleTail());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            health = $"{_step} failed";
            AddMiss(e.Message, ConsoleTail());
        }
        finally
        {
            consoleLogId = await StopBoardAsync(ct.IsCancellationRequested).ConfigureAwait(false);
            try
            {
                new BackingDiskCheck(_store, _progress, _time, _runId, _board).CheckAll(_disks);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The board's results and its record below matter more than this check.
                _progress.Board(_board.Id, "the backing-file check could not run: " + Brief(e.Message).Replace('\n', ' '));
            }
            var counts = _store.GetBoardRuns(_runId).FirstOrDefault(b => b.BoardId == _board.Id)?.Counts ?? StatusCounts.Empty;
            _store.UpsertBoardRun(new BoardRunRecord(
                _runId, _board.Id, _attempts, health, counts.Worst, startedAt, _time.GetUtcNow(), counts, consoleLogId));
        }

        var final = _store.GetBoardRuns(_runId).FirstOrDefault(b => b.BoardId == _board.Id);
        return new BoardSummary(_board.Id, final?.Status, final?.Counts ?? StatusCounts.Empty, _time.GetElapsedTime(start), health);
    }

    private static string FirstLines(string text, int count)
    {
        var lines = text.Split('\n').Take(count);
        var joined = string.Join('\n', lines).Trim();
        return joined.Length > 500 ? joined[..500] + "..." : joined;
    }

    private void Step(string step, string message)
    {
        _step = step;
        _stepStart = _time.GetTimestamp();
        _progress.Board(_board.Id, message);
    }

    private string Elapsed() =>
        _time.GetElapsedTime(_stepStart).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private async Task RunQemuAsync(CancellationToken ct)
    {
        var kernelConfig = _lab.Config!.Kernels.TryGetValue(_board.Kernel, out var k) ? k : new KernelConfig();

        // 1. builds (cached per kernel and per architecture for the whole run).
        Step("build", "building kernel modules and board image...");
        var artifacts = await _builds.KernelAsync(_board, ct).ConfigureAwait(false);
        _progress.Board(_board.Id, $"kernel {artifacts.Kernel.Release}, {artifacts.Modules.Modules.Count} modules, image ready ({Elapsed()})");
        Step("agent", "building the agent...");
        string? agent = null;
        Exception? agentFailure = null;
        try
        {
            agent = await _builds.AgentAsync(_board, ct).ConfigureAwait(false);
            _progress.Board(_board.Id, $"agent ready ({Elapsed()})");
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Still boot and bring the board up: a run without an agent should at least say whether the board works.
            agentFailure = e;
            _progress.Board(_board.Id, "agent build failed; checking the board anyway: " + Brief(e.Message).Replace('\n', ' '));
        }

        // 2. boot.
        Step("boot", "booting...");
        var qemuDirectory = Path.Combine(_runDirectory, "qemu");
        var options = QemuBoardOptions.FromImage(artifacts.Image, qemuDirectory) with
        {
            BootTimeout = TimeSpan.FromSeconds(_board.Timeouts.BootSeconds),
        };
        if (_board.Qemu is { } q)
        {
            // Fresh zeroed files every boot, so whatever the board-side cases wrote is all they contain.
            _disks = q.Disks.Select(d => QemuDisk.Create(d.Id, Path.Combine(qemuDirectory, "disks", d.Id + ".img"), d.SizeMb * 1024L * 1024L)).ToList();
            options = options with { Machine = q.Machine, Cpu = q.Cpu, Cpus = q.Smp, MemoryMiB = q.MemoryMb, Devices = q.Devices, Disks = _disks };
        }

        _attempts = 1;
        _qemu = await QemuBoard.StartAsync(options, _time, ct).ConfigureAwait(false);
        _store.UpsertBoardRun(_store.GetBoardRuns(_runId).First(b => b.BoardId == _board.Id) with { Attempts = _attempts, Health = "booted" });
        _progress.Board(_board.Id, $"up in {Elapsed()} (ssh 127.0.0.1:{_qemu.SshPort.ToString(CultureInfo.InvariantCulture)})");

        // 3. modules and bindings.
        Step("setup", $"loading modules and binding {_board.Devices.Count} devices...");
        var bindings = await WithTimeoutAsync("loading modules and binding devices", _board.Timeouts.SetupSeconds,
            t => BringUpAsync(_qemu.Ssh, kernelConfig, t), ct).ConfigureAwait(false);

        if (agentFailure is not null)
        {
            _step = "agent";
            ExceptionDispatchInfo.Throw(agentFailure);
        }

        // 4. deploy.
        Step("deploy", "uploading the agent...");
        var upload = await WithTimeoutAsync("uploading the agent", _board.Timeouts.DeploySeconds,
            t => _qemu.Ssh.UploadIfChangedAsync(agent!, DeviceCaseRun.RemoteAgent, Convert.ToInt32("755", 8), t), ct).ConfigureAwait(false);
        _progress.Board(_board.Id, $"agent {(upload.Uploaded ? "uploaded" : "already there")}, sha256 {upload.Sha256[..12]} ({Elapsed()})");

        // 5. cases, device by device.
        await RunCasesAsync(bindings, ct).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<(DeviceConfig Device, DeviceBinding Binding)>> BringUpAsync(BoardSsh ssh, KernelConfig kernel, CancellationToken ct)
    {
        var up = new VfioBringUp(ssh);
        await up.InstallBindScriptAsync(ct).ConfigureAwait(false);
        await up.LoadModulesAsync(ModuleLoadPlan.For(kernel.ModuleParams), ct).ConfigureAwait(false);
        var bound = new List<(DeviceConfig, DeviceBinding)>();
        foreach (var device in _board.Devices)
        {
            var binding = await up.BindAsync(DeviceSelectors.For(device), ct).ConfigureAwait(false);
            if (binding.Device.Length == 0 || binding.GroupDevice.Length == 0)
            {
                throw new InvalidOperationException(
                    $"device '{device.Name}' ({binding.Selector}) was bound to {binding.Driver} but has no VFIO group node (device '{binding.Device}')");
            }

            _progress.Board(_board.Id, $"{device.Name}: {binding.Device} -> {binding.Driver}, {binding.GroupDevice}");
            bound.Add((device, binding));
        }

        return bound;
    }

    private async Task RunCasesAsync(IReadOnlyList<(DeviceConfig Device, DeviceBinding Binding)> bindings, CancellationToken ct)
    {
        var suites = _board.Suites.Select(s => _lab.Config!.Suites.TryGetValue(s, out var suite) ? suite : null).OfType<SuiteConfig>().ToList();
        var patterns = _request.Cases is { } cases
            ? [cases]
            : suites.SelectMany(s => s.Cases).Distinct(StringComparer.Ordinal).ToList();
        var selection = new CaseSelection(patterns) { StressSeconds = _request.StressSeconds ?? suites.Max(s => s.StressSeconds) };
        var runner = new DeviceCaseRun(_store, _progress, _time, _runId, _board);
        var ssh = _qemu!.Ssh;
        BoardSsh? reconnected = null;
        try
        {
            // Pass 1: device by device, everything but the stress cases.
            for (var i = 0; i < bindings.Count; i++)
            {
                var (device, binding) = bindings[i];
                Step("cases", $"running cases on {device.Name} ({binding.Device})...");
                var lost = await runner.RunAsync(ssh, device, binding, selection with { SkipArea = CaseSelection.StressArea, StressSeconds = null }, ct).ConfigureAwait(false);
                _progress.Board(_board.Id, $"{device.Name} done ({Elapsed()})");
                if (!lost)
                {
                    continue;
                }

                var notRun = string.Join(", ", bindings.Skip(i + 1).Select(b => b.Device.Name).Append("the stress pass"));
                if (_qemu.HasExited)
                {
                    throw new InvalidOperationException($"the board died while running the cases of {device.Name} (QEMU exited); not run: {notRun}");
                }

                _progress.Board(_board.Id, "connection lost; reconnecting...");
                if (reconnected is not null)
                {
                    await reconnected.DisposeAsync().ConfigureAwait(false);
                }

                reconnected = await WithTimeoutAsync($"reconnecting after the connection was lost (not run: {notRun})",
                    _board.Timeouts.BootSeconds, _qemu.ConnectAsync, ct).ConfigureAwait(false);
                ssh = reconnected;
            }

            // Pass 2: the stress cases of every device at the same time (DMA and IRQs of several devices at once).
            var seconds = selection.StressSeconds is { } s ? s.ToString(CultureInfo.InvariantCulture) + " s" : "the agent's default time";
            Step("stress", $"stress cases on {bindings.Count} devices at once, {seconds} each...");
            var stress = selection with { Area = CaseSelection.StressArea };
            var lostAny = await Task.WhenAll(bindings.Select(b => runner.RunAsync(ssh, b.Device, b.Binding, stress, ct))).ConfigureAwait(false);
            _progress.Board(_board.Id, $"stress pass done ({Elapsed()})");
            if (lostAny.Any(l => l) && _qemu.HasExited)
            {
                throw new InvalidOperationException("the board died during the stress pass (QEMU exited)");
            }
        }
        finally
        {
            if (reconnected is not null)
            {
                await reconnected.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<T> WithTimeoutAsync<T>(string what, int seconds, Func<CancellationToken, Task<T>> action, CancellationToken ct)
    {
        using var timeout = new StepTimeout(_time, TimeSpan.FromSeconds(seconds), ct);
        try
        {
            return await action(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (timeout.TimedOut && !ct.IsCancellationRequested && e is OperationCanceledException or BoardConnectionLostException)
        {
            throw new TimeoutException($"{what} did not finish within {seconds.ToString(CultureInfo.InvariantCulture)} s", e);
        }
    }

    private void AddMiss(string message, string? consoleTail)
    {
        var excerpt = consoleTail is null ? message : message + "\n--- console tail ---\n" + consoleTail;
        _store.AddResult(new TestResultRecord(
            _runId, _board.Id, "lab.board." + _step, TestStatus.Miss, _time.GetElapsedTime(_stepStart), _time.GetUtcNow(),
            Reason: Brief(message), LogExcerpt: excerpt.Length > ResultMapper.ExcerptLimit ? excerpt[^ResultMapper.ExcerptLimit..] : excerpt));
        _progress.Board(_board.Id, $"MISS lab.board.{_step}: {Brief(message).Replace('\n', ' ')}");
    }

    /// <summary>The first line and, for a message ending in a log tail, its last line (where scripts say why they failed).</summary>
    private static string Brief(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var brief = lines.Length <= 1 ? FirstLines(message, 1) : FirstLines(lines[0], 1) + "\n" + FirstLines(lines[^1], 1);
        return brief.Length > 600 ? brief[..600] + "..." : brief;
    }

    private string? ConsoleTail()
    {
        try
        {
            return _qemu?.ConsoleTail(30);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task<string?> StopBoardAsync(bool cancelled)
    {
        if (_qemu is null)
        {
            return null;
        }

        if (cancelled)
        {
            _qemu.Kill();
        }

        var consolePath = _qemu.ConsoleLogPath;
        var board = _qemu;
        _qemu = null;
        try
        {
            // Bounded: an earlier QemuBoard watchdog left its `cat` holding QEMU's stderr pipe, so DisposeAsync
            // (Process.WaitForExitAsync waits for EOF) never returned although QEMU was gone. Fixed there since;
            // kept as a safety net so a stuck shutdown can never stop the run from finishing.
            await board.DisposeAsync().AsTask().WaitAsync(_disposeLimit, _time, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            board.Kill();
            _progress.Board(_board.Id, $"QEMU did not finish shutting down within {_disposeLimit.TotalSeconds} s; killed, going on");
        }
        try
        {
            var text = await File.ReadAllTextAsync(consolePath, CancellationToken.None).ConfigureAwait(false);
            return _store.SaveLog($"{_runId}-{_board.Id}-console.log", text);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
