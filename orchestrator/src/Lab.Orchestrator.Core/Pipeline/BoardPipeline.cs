using System.Globalization;
using System.Runtime.ExceptionServices;
using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>
/// One board's run as named steps (<see cref="BoardStep"/>), each with its timeout from lab.json, on any board
/// kind through <see cref="IBoard"/>. Infrastructure failures before the cases (power, boot, SSH) are retried up
/// to the board's <c>retries</c>; a failure that stays becomes one MISS <c>lab.board.STEP</c> with the reason and
/// the console tail. A hang or a lost link during the cases resets the board and goes on with the next device.
/// The devices go back to their drivers, uploaded modules are unloaded, the board is powered off and its console
/// stored, whatever happened.
/// </summary>
public sealed partial class BoardPipeline(BoardRunContext context, BoardConfig board)
{
    private static readonly TimeSpan _disposeLimit = TimeSpan.FromSeconds(8);

    private readonly BoardRunContext _c = context;
    private readonly BoardConfig _board = board;
    private readonly BoardStateMachine _state = new();
    private readonly List<string> _recoveries = [];
    private BoardStep _step = BoardStep.Build;
    private long _stepStart;
    private int _attempts;
    private IBoard? _target;
    private IBoardLink? _link;
    private BoardArtifacts? _artifacts;
    private AgentFiles? _agent;
    private IReadOnlyList<string> _uploadedModules = [];
    private List<(DeviceConfig Device, DeviceBinding Binding)> _bound = [];
    private Dictionary<string, DevicePlan>? _plans;

    /// <summary>The board's state (for the tests).</summary>
    public BoardStateMachine State => _state;

    /// <summary>Runs the board; never throws for board trouble (it becomes results), returns the summary.</summary>
    public async Task<BoardSummary> RunAsync(CancellationToken ct)
    {
        var time = _c.Time;
        var startedAt = time.GetUtcNow();
        var start = time.GetTimestamp();
        _stepStart = start;
        _c.Store.UpsertBoardRun(new BoardRunRecord(_c.RunId, _board.Id, 0, "running", null, startedAt, null, StatusCounts.Empty));
        var health = "ok";
        var storeFailed = false;
        string? consoleLogId = null;
        using var boardLimit = new StepTimeout(time, TimeSpan.FromSeconds(_board.Timeouts.BoardSeconds), ct);
        try
        {
            var problems = BoardSteps.Check(_board, _c.Lab);
            if (problems.Count > 0)
            {
                throw new InvalidDataException(string.Join("; ", problems));
            }

            await RunStepsAsync(boardLimit.Token).ConfigureAwait(false);
            if (_recoveries.Count > 0)
            {
                health = $"ok after {_recoveries.Count} recover{(_recoveries.Count == 1 ? "y" : "ies")}";
            }
        }
        catch (ResultStoreException)
        {
            // Nothing can be recorded any more: stop the board (finally) and end the run on it.
            storeFailed = true;
            throw;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            health = "cancelled";
            Fail($"cancelled (Ctrl-C) during {StepName}");
            RecordNotRun("the run was cancelled");
        }
        catch (OperationCanceledException) when (boardLimit.TimedOut)
        {
            health = $"{StepName}: board time limit";
            Fail($"the board time limit of {_board.Timeouts.BoardSeconds} s ran out during {StepName}");
            RecordNotRun("the board time limit ran out");
        }
        catch (Exception e) when (e is not OutOfMemoryException and not ResultStoreException)
        {
            health = $"{StepName} failed";
            Fail(e.Message);
            RecordNotRun($"the board failed ({StepName})");
        }
        finally
        {
            consoleLogId = await TearDownAsync(ct).ConfigureAwait(false);
            try
            {
                var current = _c.Store.GetBoardRuns(_c.RunId).FirstOrDefault(b => b.BoardId == _board.Id);
                var counts = current?.Counts ?? StatusCounts.Empty;
                _c.Store.UpsertBoardRun(new BoardRunRecord(
                    _c.RunId, _board.Id, _attempts, health, counts.Worst, startedAt, time.GetUtcNow(), counts, consoleLogId, Kernel: current?.Kernel));
            }
            catch (ResultStoreException) when (storeFailed)
            {
                // The store failure is already on its way up; the board is off.
            }
        }

        var final = _c.Store.GetBoardRuns(_c.RunId).FirstOrDefault(b => b.BoardId == _board.Id);
        return new BoardSummary(_board.Id, final?.Status, final?.Counts ?? StatusCounts.Empty, time.GetElapsedTime(start), health)
        {
            Attempts = _attempts,
            Recoveries = _recoveries,
        };
    }

    private string StepName => BoardSteps.Name(_step);

    private async Task RunStepsAsync(CancellationToken ct)
    {
        Step(BoardStep.Build, "building kernel modules" + (_board.Kind == BoardKind.Ssh ? "" : " and board image") + "...");
        _artifacts = await WithTimeoutAsync(t => _c.Builder.BuildAsync(_board, t), ct).ConfigureAwait(false);
        _c.Progress.Board(_board.Id, $"kernel {_artifacts.KernelRelease}, {_artifacts.Modules.Count} modules{(_artifacts.Source is { } source ? " from " + source : string.Empty)} ({Elapsed()})");
        RecordKernel(_artifacts.KernelRelease);
        Exception? agentFailure = null;
        try
        {
            _agent = await WithTimeoutAsync(t => _c.Builder.BuildAgentAsync(_board, t), ct).ConfigureAwait(false);
            _c.Progress.Board(_board.Id, $"agent ready ({Elapsed()})");
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Still boot and bring the board up: a run without an agent should at least say whether the board works.
            agentFailure = e;
            _c.Progress.Board(_board.Id, "agent build failed; checking the board anyway: " + Text.Brief(e.Message).Replace('\n', ' '));
        }

        _target = _c.Factory.Create(_board, _artifacts, Path.Combine(_c.RunDirectory, _board.Id));
        await BringUpWithRetriesAsync(ct).ConfigureAwait(false);
        if (agentFailure is not null)
        {
            _step = BoardStep.DeployAgent;
            ExceptionDispatchInfo.Throw(agentFailure);
        }

        await DeployAgentAsync(ct).ConfigureAwait(false);
        if (_c.Work is { } work)
        {
            await RunWorkAsync(work, ct).ConfigureAwait(false);
            return;
        }

        await RunCasesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Power on, boot, modules, bind; an infrastructure failure powers off and starts again, up to <c>retries</c> times.</summary>
    private async Task BringUpWithRetriesAsync(CancellationToken ct)
    {
        var tries = _board.Retries + 1;
        for (var attempt = 1; ; attempt++)
        {
            _attempts = attempt;
            try
            {
                Step(BoardStep.PowerOn, attempt == 1 ? "powering on..." : $"powering on (attempt {attempt} of {tries})...");
                await WithTimeoutAsync(async t => { await _target!.Power.OnAsync(t).ConfigureAwait(false); return true; }, ct).ConfigureAwait(false);
                await BootAndBringUpAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (attempt < tries && IsInfrastructure(e) && !ct.IsCancellationRequested)
            {
                _c.Progress.Board(_board.Id, $"{StepName} failed (attempt {attempt} of {tries}): {Text.Brief(e.Message).Replace('\n', ' ')}; powering off and trying again");
                _state.Fail(e.Message);
                await PowerOffQuietlyAsync(ct).ConfigureAwait(false);
            }
        }
    }

    private async Task BootAndBringUpAsync(CancellationToken ct)
    {
        Step(BoardStep.Boot, "booting...");
        await DropLinkAsync().ConfigureAwait(false);
        _link = await WithTimeoutAsync(_target!.WaitReadyAsync, ct).ConfigureAwait(false);
        _state.MoveTo(BoardState.Booted);
        UpdateBoardRun(health: "booted");
        _c.Progress.Board(_board.Id, $"up in {Elapsed()} ({_link.Endpoint})");

        var kernel = _c.Lab.Kernels[_board.Kernel];
        var plan = ModuleLoadPlan.For(kernel.ModuleParams, [.. _artifacts!.Modules.Select(m => m.Name)]);
        var up = new VfioBringUp(_link);
        if (_target.ModulesInImage)
        {
            Step(BoardStep.DeployModules, "loading the modules from the image...");
            await WithTimeoutAsync(async t => { await up.LoadFromImageAsync(plan, t).ConfigureAwait(false); return true; }, ct).ConfigureAwait(false);
        }
        else
        {
            Step(BoardStep.DeployModules, $"uploading and loading {_artifacts!.Modules.Count} modules...");
            _uploadedModules = await WithTimeoutAsync(t => up.UploadAndLoadAsync(_artifacts.KernelRelease, _artifacts.Modules, plan, t), ct)
                .ConfigureAwait(false);
            _c.Progress.Board(_board.Id, $"loaded {string.Join(", ", _uploadedModules)} ({Elapsed()})");
        }

        _state.MoveTo(BoardState.ModulesLoaded);
        Step(BoardStep.Bind, $"binding {_board.Devices.Count} devices...");
        _bound = await WithTimeoutAsync(t => BindAsync(up, t), ct).ConfigureAwait(false);
        _state.MoveTo(BoardState.DevicesBound);
    }

    private async Task<List<(DeviceConfig, DeviceBinding)>> BindAsync(VfioBringUp up, CancellationToken ct)
    {
        await up.InstallBindScriptAsync(_artifacts!.BindScriptPath, ct).ConfigureAwait(false);

        // All devices at once: each bind touches only its own device (and its own state file on the board).
        var binds = _board.Devices.Select(d => up.BindAsync(DeviceSelectors.For(d), ct)).ToList();
        try
        {
            await Task.WhenAll(binds).ConfigureAwait(false);
        }
        catch (Exception) when (binds.All(b => b.IsCompleted))
        {
            // Each device's failure is thrown below, in device order, once the devices that did bind are recorded
            // (the restore step puts them back).
        }

        var bound = new List<(DeviceConfig, DeviceBinding)>();
        for (var i = 0; i < binds.Count; i++)
        {
            if (binds[i].IsCompletedSuccessfully)
            {
                bound.Add((_board.Devices[i], binds[i].Result));
            }
        }

        _bound = bound;
        foreach (var (device, bind) in _board.Devices.Zip(binds))
        {
            var binding = await bind.ConfigureAwait(false);
            if (binding.Device.Length == 0 || binding.GroupDevice.Length == 0)
            {
                throw new InvalidOperationException(
                    $"device '{device.Name}' ({binding.Selector}) was bound to {binding.Driver} but has no VFIO group node (device '{binding.Device}')");
            }

            _c.Progress.Board(_board.Id, $"{device.Name}: {binding.Device} -> {binding.Driver} (was {Or(binding.OriginalDriver, "no driver")}), {binding.GroupDevice}");
        }

        return bound;
    }

    private async Task DeployAgentAsync(CancellationToken ct)
    {
        Step(BoardStep.DeployAgent, "uploading the agent...");
        var agent = _agent!;
        var files = string.Empty;
        if (agent.Archive is { } archive)
        {
            var part = await WithTimeoutAsync(t => _link!.UploadIfChangedAsync(archive, AgentFiles.RemoteArchive, Convert.ToInt32("644", 8), t), ct).ConfigureAwait(false);
            // Unpacked every time: cheap, and the directory is right even when an earlier unpack was cut short.
            var dir = ShellQuote.Quote(AgentFiles.RemoteDirectory);
            var unpack = await WithTimeoutAsync(t => _link!.RunAsync($"rm -rf {dir} && mkdir -p {dir} && tar -xzf {ShellQuote.Quote(AgentFiles.RemoteArchive)} -C {dir}", TimeSpan.FromSeconds(60), t), ct)
                .ConfigureAwait(false);
            if (!unpack.Succeeded)
            {
                throw new InvalidOperationException($"unpacking the agent's files ({AgentFiles.RemoteArchive}) on the board failed: {Text.Brief(unpack.Stderr)}");
            }

            files = $", its files {(part.Uploaded ? "uploaded" : "already there")} ({Path.GetFileName(archive)}) and unpacked";
        }

        var upload = await WithTimeoutAsync(t => _link!.UploadIfChangedAsync(agent.Program, DeviceCaseRun.RemoteAgent, Convert.ToInt32("755", 8), t), ct)
            .ConfigureAwait(false);
        _c.Progress.Board(_board.Id, $"agent {(upload.Uploaded ? "uploaded" : "already there")}, sha256 {upload.Sha256[..12]}{files} ({Elapsed()})");
    }

    /// <summary>
    /// A session that dropped while idle (between devices) is opened again before the next agent starts; a board that
    /// does not take a new session is reset.
    /// </summary>
    private async Task EnsureLinkAsync(CancellationToken ct)
    {
        if (_link is { IsConnected: true })
        {
            return;
        }

        _c.Progress.Board(_board.Id, "the SSH session dropped while idle; opening a new one...");
        await DropLinkAsync().ConfigureAwait(false);
        try
        {
            using var limit = new StepTimeout(_c.Time, TimeSpan.FromSeconds(30), ct);
            _link = await _target!.ConnectAsync(limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not ResultStoreException && !ct.IsCancellationRequested)
        {
            await RecoverAsync($"the board took no new SSH session ({Text.Brief(e.Message).Replace('\n', ' ')})", ct).ConfigureAwait(false);
        }
    }

    /// <summary>Runs an agent invocation under a <see cref="BoardWatch"/>; returns its end and why the watch stopped it (null: it did not).</summary>
    private async Task<(T Result, string? Stopped)> WatchedAsync<T>(Func<CaseWatch, Task<T>> run, CancellationToken ct)
    {
        var target = _target!;
        using var watch = new CaseWatch { BoardDeath = () => target.Death };
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watching = new BoardWatch(_target!, _link!, _c.Time).RunAsync(watch, done.Token);
        try
        {
            var result = await run(watch).ConfigureAwait(false);
            return (result, watch.StopReason);
        }
        finally
        {
            await done.CancelAsync().ConfigureAwait(false);
            await watching.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After a hang or a lost link: a reset through the board's power (QMP for QEMU, the power commands for a
    /// physical board, a restart for a dead emulator), then boot, modules, bind and agent again.
    /// </summary>
    private async Task RecoverAsync(string why, CancellationToken ct)
    {
        var death = _target!.Death;
        _state.Fail(death ?? why);
        if (_recoveries.Count >= _c.MaxRecoveries)
        {
            throw new InvalidOperationException($"{why}{(death is null ? string.Empty : $" ({death})")}; {_c.MaxRecoveries} recoveries used up, giving up on the board");
        }

        _recoveries.Add(death is null ? why : $"{why} ({death})");
        _c.Progress.Board(_board.Id, $"{why}{(death is null ? string.Empty : $" ({death})")}: resetting the board");
        Step(BoardStep.PowerOn, "resetting...");
        await DropLinkAsync().ConfigureAwait(false);
        await WithTimeoutAsync(async t => { await _target.Power.ResetAsync(t).ConfigureAwait(false); return true; }, ct).ConfigureAwait(false);
        _uploadedModules = [];
        await BootAndBringUpAsync(ct).ConfigureAwait(false);
        await DeployAgentAsync(ct).ConfigureAwait(false);
        _c.Progress.Board(_board.Id, $"recovered ({Elapsed()}); going on with the cases that have not run");
    }

    /// <summary>Restore, power off, console into the store, the after-power-off checks; bounded, never throws.</summary>
    private async Task<string?> TearDownAsync(CancellationToken ct)
    {
        if (_target is null)
        {
            return null;
        }

        if (!ct.IsCancellationRequested && _link is { IsConnected: true } && _state.State is BoardState.DevicesBound or BoardState.ModulesLoaded or BoardState.Broken)
        {
            try
            {
                await RestoreAsync(ct).ConfigureAwait(false);
            }
            catch (ResultStoreException)
            {
                // Restoring went on; only its record failed. Power off comes next whatever happened.
            }
        }

        await DropLinkAsync().ConfigureAwait(false);
        _step = BoardStep.PowerOff;
        await PowerOffQuietlyAsync(CancellationToken.None).ConfigureAwait(false);
        string? consoleLogId = null;
        try
        {
            var text = await File.ReadAllTextAsync(_target.Console.LogPath, CancellationToken.None).ConfigureAwait(false);
            consoleLogId = _c.Store.SaveLog($"{_c.RunId}-{_board.Id}-console.log", text);
        }
        catch (ResultStoreException e)
        {
            _c.Progress.Board(_board.Id, "the console log could not be stored: " + e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _c.Progress.Board(_board.Id, "the console log could not be read: " + e.Message);
        }

        try
        {
            _c.AfterPowerOff?.Invoke(_target);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The board's results and its record matter more than a host-side check.
            _c.Progress.Board(_board.Id, "the after-power-off check could not run: " + Text.Brief(e.Message).Replace('\n', ' '));
        }

        try
        {
            await _target.DisposeAsync().AsTask().WaitAsync(_disposeLimit, _c.Time, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _c.Progress.Board(_board.Id, $"the board adapter did not finish shutting down within {_disposeLimit.TotalSeconds} s; going on");
        }

        _target = null;
        return consoleLogId;
    }

    /// <summary>The devices back to their original drivers, the uploaded modules unloaded; a failure is a MISS <c>lab.board.restore</c>.</summary>
    private async Task RestoreAsync(CancellationToken ct)
    {
        var failedStep = _state.State == BoardState.Broken ? _step : (BoardStep?)null;
        Step(BoardStep.Restore, $"restoring {_bound.Count} devices' drivers{(_uploadedModules.Count > 0 ? " and unloading the modules" : string.Empty)}...");
        var up = new VfioBringUp(_link!);
        List<string> problems = [];
        using var limit = new StepTimeout(_c.Time, BoardSteps.Timeout(BoardStep.Restore, _board.Timeouts), ct);
        try
        {
            // All devices at once, as they were bound.
            var restores = _bound.Select(b => up.RestoreAsync(b.Binding.Selector, limit.Token)).ToList();
            try
            {
                await Task.WhenAll(restores).ConfigureAwait(false);
            }
            catch (BoardCommandException)
            {
                // Named per device below.
            }

            foreach (var ((device, _), restore) in _bound.Zip(restores))
            {
                try
                {
                    var back = await restore.ConfigureAwait(false);
                    _c.Progress.Board(_board.Id, $"{device.Name}: back on {Or(back.Driver, "no driver")}");
                }
                catch (BoardCommandException e)
                {
                    problems.Add($"{device.Name}: {Text.Brief(e.Message).Replace('\n', ' ')}");
                }
            }

            problems.AddRange(await up.UnloadAsync(_uploadedModules, limit.Token).ConfigureAwait(false));
            _uploadedModules = [];
        }
        catch (Exception e) when (e is BoardConnectionLostException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            problems.Add(limit.TimedOut ? $"not done within {BoardSteps.Timeout(BoardStep.Restore, _board.Timeouts).TotalSeconds} s" : e.Message);
        }

        if (problems.Count > 0 && failedStep is null)
        {
            // Only when nothing failed before: a broken board's restore trouble is a consequence, not news.
            AddMiss("restoring the board failed: " + string.Join("; ", problems), null);
        }
        else if (problems.Count > 0)
        {
            _c.Progress.Board(_board.Id, "restore after the failure: " + string.Join("; ", problems));
        }
        else if (_state.State != BoardState.Broken)
        {
            _state.MoveTo(BoardState.Booted);
        }

        if (failedStep is { } f)
        {
            _step = f;
        }
    }

    private async Task PowerOffQuietlyAsync(CancellationToken ct)
    {
        try
        {
            await DropLinkAsync().ConfigureAwait(false);
            using var limit = new StepTimeout(_c.Time, BoardSteps.Timeout(BoardStep.PowerOff, _board.Timeouts), ct);
            await _target!.Power.OffAsync(limit.Token).ConfigureAwait(false);
            _state.MoveTo(BoardState.Off);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _c.Progress.Board(_board.Id, "power off failed: " + Text.Brief(e.Message).Replace('\n', ' '));
            if (_step == BoardStep.PowerOff && _state.State != BoardState.Broken)
            {
                AddMiss("power off failed: " + e.Message, null);
            }
        }
    }

    private async Task DropLinkAsync()
    {
        if (_link is not null)
        {
            var link = _link;
            _link = null;
            await link.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static bool IsInfrastructure(Exception e) =>
        e is BoardPowerException or TimeoutException or BoardConnectionLostException;

    private async Task<T> WithTimeoutAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken ct)
    {
        var limit = BoardSteps.Timeout(_step, _board.Timeouts);
        using var timeout = new StepTimeout(_c.Time, limit, ct);
        try
        {
            return await action(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (timeout.TimedOut && !ct.IsCancellationRequested && e is OperationCanceledException or BoardConnectionLostException or TimeoutException)
        {
            var silent = _target is { } t && _step == BoardStep.Boot && t.Console.Length == 0 ? " (the console stayed silent: no output since power on)" : string.Empty;
            throw new TimeoutException($"{StepName} did not finish within {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s{silent}", e);
        }
    }

    private void Step(BoardStep step, string message)
    {
        _step = step;
        _stepStart = _c.Time.GetTimestamp();
        _c.Progress.Board(_board.Id, message);
    }

    private string Elapsed() =>
        _c.Time.GetElapsedTime(_stepStart).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private void UpdateBoardRun(string health)
    {
        var current = _c.Store.GetBoardRuns(_c.RunId).First(b => b.BoardId == _board.Id);
        _c.Store.UpsertBoardRun(current with { Attempts = _attempts, Health = health });
    }

    /// <summary>The board's part of the run names the kernel release it was built for.</summary>
    private void RecordKernel(string release)
    {
        var current = _c.Store.GetBoardRuns(_c.RunId).First(b => b.BoardId == _board.Id);
        _c.Store.UpsertBoardRun(current with { Kernel = release });
    }

    private void Fail(string message)
    {
        _state.Fail(message);
        AddMiss(message, ConsoleTail());
    }

    private void AddMiss(string message, string? consoleTail)
    {
        var excerpt = consoleTail is null ? message : message + "\n--- console tail ---\n" + consoleTail;
        _c.Store.AddResult(new TestResultRecord(
            _c.RunId, _board.Id, "lab.board." + StepName, TestStatus.Miss, _c.Time.GetElapsedTime(_stepStart), _c.Time.GetUtcNow(),
            Reason: Text.Brief(message), LogExcerpt: excerpt.Length > ResultMapper.ExcerptLimit ? excerpt[^ResultMapper.ExcerptLimit..] : excerpt));
        _c.Progress.Board(_board.Id, $"MISS lab.board.{StepName}: {Text.Brief(message).Replace('\n', ' ')}");
    }

    /// <summary>
    /// Once the cases had started and the board gave up: every planned (case, device) pair without a result is stored
    /// as MISS under its own id, so a reader sees what did not run rather than a shorter list.
    /// </summary>
    private void RecordNotRun(string why)
    {
        if (_plans is null)
        {
            return;
        }

        var have = _c.Store.GetResults(_c.RunId, _board.Id).Select(r => r.TestId).ToHashSet(StringComparer.Ordinal);
        foreach (var (device, plan) in _plans)
        {
            foreach (var id in plan.Cases.Concat(plan.StressCases).Select(c => $"{c}@{device}").Where(id => !have.Contains(id)))
            {
                _c.Store.AddResult(new TestResultRecord(
                    _c.RunId, _board.Id, id, TestStatus.Miss, TimeSpan.Zero, _c.Time.GetUtcNow(), Reason: "not run: " + why));
            }
        }
    }

    private string? ConsoleTail()
    {
        try
        {
            return _target?.Console.Tail(30);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string Or(string value, string fallback) => value.Length == 0 ? fallback : value;
}
