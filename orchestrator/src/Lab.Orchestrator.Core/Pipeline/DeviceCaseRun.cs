using System.Globalization;
using Lab.Ktap;
using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>
/// Step 5 for one device: runs the agent over SSH, feeds its stdout line by line into a <see cref="KtapParser"/>
/// and writes each result to the store the moment it is parsed. A case that stays silent longer than the
/// board's case timeout stops the agent; a lost connection or a timeout ends the stream, and the parser reports
/// what was promised and never came as ERROR, keeping everything that did arrive.
/// </summary>
public sealed class DeviceCaseRun(IResultStore store, RunProgress progress, TimeProvider time, string runId, BoardConfig board)
{
    /// <summary>Where the agent is deployed on the board.</summary>
    public const string RemoteAgent = "/run/vfiolab/lab-agent";

    private readonly IResultStore _store = store;
    private readonly RunProgress _progress = progress;
    private readonly TimeProvider _time = time;
    private readonly string _runId = runId;
    private readonly BoardConfig _board = board;
    private readonly Lock _storeLock = new();

    /// <summary>The agent command line for a bound device.</summary>
    public static string Command(DeviceConfig device, DeviceBinding binding, CaseSelection selection)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(selection);
        List<string> argv =
        [
            RemoteAgent, "run", "--device", binding.Device, "--group", binding.GroupDevice, "--iommu", DeviceSelectors.IommuName(device.Iommu),
        ];
        argv.AddRange(selection.AgentArguments());
        return ShellQuote.Join(argv);
    }

    /// <summary>Runs the agent for one device and says how it ended; every result is in the store when it returns.</summary>
    /// <remarks>
    /// A kernel problem in a case's dmesg lines (<see cref="KernelProblems"/>) fails that case. <paramref name="watch"/>
    /// (the board watch) can stop the invocation: the case it interrupts gets the watch's status and reason.
    /// <paramref name="started"/> is completed when the agent's first line arrives.
    /// With <paramref name="notStarted"/>, planned cases that never started when the agent ended abnormally (the link
    /// lost, the agent killed or stopped) are put there, to run on their own afterwards, instead of being recorded MISS.
    /// </remarks>
    public async Task<CaseRunEnd> RunAsync(
        IBoardCommands ssh, DeviceConfig device, DeviceBinding binding, CaseSelection selection, CancellationToken ct, CaseWatch? watch = null,
        ICollection<string>? notStarted = null, TaskCompletionSource? started = null)
    {
        ArgumentNullException.ThrowIfNull(ssh);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(selection);
        var parser = new KtapParser();
        var last = _time.GetTimestamp();
        // A stress case is silent for its whole loop: its time comes on top of the case timeout.
        var caseLimit = TimeSpan.FromSeconds(_board.Timeouts.CaseSeconds + (selection.Area == CaseSelection.StressArea ? selection.StressSeconds ?? 0 : 0));
        using var watchdog = new StepTimeout(_time, caseLimit, ct);

        var interrupted = false;
        var anyLine = false;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        TestStatus? interruptedStatus = null;
        var end = CaseRunEnd.Completed;
        string? suffix = null;
        void Record(KtapResult result, string? reasonSuffix)
        {
            var now = _time.GetTimestamp();
            var missing = false;
            var first = false;
            if (PlannedId(result, selection) is { } id)
            {
                // The parser's "#N" for a result that never came: the plan says which case that was. The first is the
                // case that was running when the stream ended; the others never started.
                missing = interrupted;
                result = result with
                {
                    Id = id,
                    Name = id,
                    Reason = interrupted ? "not run: the agent's output ended before this case" : "interrupted: this case was running when the agent's output ended",
                };
                first = !interrupted;
                interrupted = true;
            }

            if (missing && notStarted is not null && (end != CaseRunEnd.Completed || suffix is not null))
            {
                // Not started: it runs on its own later, and is recorded (with its log) then.
                notStarted.Add(result.Id);
                reported.Add(result.Id);
                return;
            }

            // What the kernel said during the case: its own dmesg lines, or for the case the stream ended in, the console.
            var problem = KernelProblems.First(result.Dmesg);
            if (problem is null && first && watch?.TakeProblems() is { Count: > 0 } seen)
            {
                problem = (seen[0].Problem, seen[0].Line);
            }

            var record = ResultMapper.ToRecord(
                result, _runId, _board.Id, device.Name, _time.GetElapsedTime(last, now), _time.GetUtcNow(), reasonSuffix,
                log => _store.SaveLog($"{_runId}-{_board.Id}-{ResultMapper.TestId(result, device.Name)}.log", log));
            last = now;
            if (missing)
            {
                record = record with { Status = TestStatus.Miss };
            }
            else if (first && interruptedStatus is { } status)
            {
                record = record with { Status = status };
            }

            if (problem is { } p && !missing && record.Status != TestStatus.Fail)
            {
                // The kernel under test misbehaved during this case, whatever the case itself concluded.
                var kernel = $"kernel {p.Problem.Name} during the case: {p.Line}";
                record = record with { Status = TestStatus.Fail, Reason = string.IsNullOrEmpty(record.Reason) ? kernel : kernel + "; " + record.Reason };
            }

            lock (_storeLock)
            {
                // The stress pass runs the agents of all devices at once; one store write at a time.
                _store.AddResult(record);
            }

            reported.Add(result.Id);

            var ms = record.Duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
            var why = record.Status is TestStatus.Pass ? string.Empty : " " + FirstLine(record.Reason ?? string.Empty);
            _progress.Board(_board.Id, $"{record.Status.ToKcidb()} {record.TestId} ({ms} ms){why}");
        }

        var ended = false;
        ValueTask OnLine(string line, CancellationToken lineCt)
        {
            lock (parser)
            {
                if (ended)
                {
                    // A line after the stream was declared over: what it says is already named (or waiting to run).
                    return ValueTask.CompletedTask;
                }

                anyLine = true;
                started?.TrySetResult();
                foreach (var result in parser.Feed(line))
                {
                    Record(result, null);
                    watchdog.Restart(caseLimit);
                }
            }

            return ValueTask.CompletedTask;
        }

        IReadOnlyList<KtapResult> Finish()
        {
            lock (parser)
            {
                ended = true;
                return parser.Complete().ToList();
            }
        }

        using var stream = CancellationTokenSource.CreateLinkedTokenSource(watchdog.Token, watch?.Stopped ?? CancellationToken.None);
        try
        {
            var command = Command(device, binding, selection);
            CommandResult result;
            try
            {
                result = await ssh.RunStreamingAsync(command, OnLine, Timeout.InfiniteTimeSpan, stream.Token).ConfigureAwait(false);
            }
            catch (BoardConnectionLostException) when (!anyLine && ssh.IsConnected && !stream.IsCancellationRequested)
            {
                // The session is up but the command's channel did not answer in time (a busy board under TCG): once
                // more, after ending an agent the first try may have started all the same (it would hold the group).
                _progress.Board(_board.Id, $"{device.Name}: the agent's channel did not answer; asking again (any agent it started ended first)");
                await StopAgentAsync(ssh, binding, ct).ConfigureAwait(false);
                result = await ssh.RunStreamingAsync(command, OnLine, Timeout.InfiniteTimeSpan, stream.Token).ConfigureAwait(false);
            }

            if (!anyLine && result.ExitStatus is null && result.ExitSignal is null && ssh.IsConnected && !stream.IsCancellationRequested)
            {
                // The channel closed with no output and neither an exit status nor a signal (seen once on a loaded
                // host, dropbear dropping the channel). Nothing was recorded: once more, as above.
                _progress.Board(_board.Id, $"{device.Name}: the agent's channel closed without a word; asking again (any agent it started ended first)");
                await StopAgentAsync(ssh, binding, ct).ConfigureAwait(false);
                result = await ssh.RunStreamingAsync(command, OnLine, Timeout.InfiniteTimeSpan, stream.Token).ConfigureAwait(false);
            }

            if (!result.Succeeded)
            {
                var status = result.ExitStatus is { } s ? "exit status " + s.ToString(CultureInfo.InvariantCulture) : $"killed by signal {result.ExitSignal ?? "(unnamed)"}";
                var stderr = LastLines(result.Stderr, 3);
                suffix = $"(agent {status}{(stderr.Length > 0 ? ": " + stderr : string.Empty)})";
            }
        }
        catch (Exception e) when (watch?.StopReason is { } stopped && !ct.IsCancellationRequested && e is OperationCanceledException or BoardConnectionLostException)
        {
            // The board watch saw the board die or freeze (or the kernel panic): the running case ends now, not at its timeout.
            suffix = $"({stopped})";
            interruptedStatus = watch.StopStatus;
            end = CaseRunEnd.LinkLost;
        }
        catch (OperationCanceledException) when (watchdog.TimedOut && !ct.IsCancellationRequested)
        {
            var stopped = await StopAgentAsync(ssh, binding, ct).ConfigureAwait(false);
            suffix = stopped
                ? $"(no result within the case timeout of {_board.Timeouts.CaseSeconds} s; agent stopped)"
                : $"(no result within the case timeout of {_board.Timeouts.CaseSeconds} s; the board does not answer)";
            end = stopped ? CaseRunEnd.CaseTimedOut : CaseRunEnd.LinkLost;
        }
        catch (BoardConnectionLostException e)
        {
            // The board's own word first: "QEMU exited with code 137" says more than a dropped connection. A dying
            // emulator drops its sockets a moment before its exit is seen: give it that moment.
            var death = watch?.BoardDeath?.Invoke();
            for (var i = 0; death is null && watch?.BoardDeath is not null && i < 20; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), _time, CancellationToken.None).ConfigureAwait(false);
                death = watch.BoardDeath();
            }

            suffix = death is not null
                ? $"(board died: {death}; connection lost)"
                : $"(connection to the board lost: {FirstLine(e.Message)})";
            end = CaseRunEnd.LinkLost;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Cancelled, or the board's time limit: keep what arrived, mark the rest, let the pipeline decide.
            foreach (var result in Finish())
            {
                Record(result, $"(interrupted: {(e is OperationCanceledException ? "run stopped" : FirstLine(e.Message))})");
            }

            throw;
        }

        // An agent that never printed a line before it was cut short has nothing to report: its planned cases (named
        // below) wait to run on their own, rather than a harness ERROR for a device that got no chance.
        var waitAll = !anyLine && notStarted is not null && selection.IsExact && (end != CaseRunEnd.Completed || suffix is not null);
        var rest = Finish();
        foreach (var result in waitAll ? [] : rest)
        {
            Record(result, suffix);
        }

        // Planned cases the stream never even announced (it ended before the agent's plan line): named from the plan.
        if (selection.IsExact)
        {
            for (var n = 1; n <= selection.Patterns.Count; n++)
            {
                if (!reported.Contains(selection.Patterns[n - 1]) && notStarted is not null && (end != CaseRunEnd.Completed || suffix is not null))
                {
                    notStarted.Add(selection.Patterns[n - 1]);
                }
                else if (!reported.Contains(selection.Patterns[n - 1]))
                {
                    Record(new KtapResult("#" + n.ToString(CultureInfo.InvariantCulture), n, KtapStatus.Error, string.Empty, "no result: the agent's output ended before it", 0, [], [], [], null, null),
                        suffix ?? "(the agent ended without reporting it)");
                }
            }
        }

        return end;
    }

    /// <summary>
    /// The planned case id of a result the parser made up for a missing test number (<c>#N</c>, top level), when the
    /// selection lists exact case ids in the agent's order; null otherwise.
    /// </summary>
    public static string? PlannedId(KtapResult result, CaseSelection selection)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(selection);
        return result.Depth == 0 && result.Name.Length == 0 && result.Id.StartsWith('#') && selection.IsExact
               && result.Number >= 1 && result.Number <= selection.Patterns.Count
            ? selection.Patterns[result.Number - 1]
            : null;
    }

    /// <summary>Stops this device's agent; false when the board did not answer (hung or gone).</summary>
    private static async Task<bool> StopAgentAsync(IBoardCommands ssh, DeviceBinding binding, CancellationToken ct)
    {
        try
        {
            // Only this device's agent (the other devices' agents may be running), and until it is gone: the group
            // it holds is free only once the process has exited.
            // "[l]ab-agent": the pattern (a regex) matches the agent's command line but not this shell's own.
            var mine = ShellQuote.Quote("[l]ab-agent run --device " + binding.Device + " ");
            await ssh.RunAsync(
                $"pkill -f -- {mine}; n=0; while pgrep -f -- {mine} >/dev/null && [ $n -lt 50 ]; do sleep 0.1; n=$((n+1)); done; pkill -KILL -f -- {mine}; true",
                TimeSpan.FromSeconds(15), ct).ConfigureAwait(false);
            return true;
        }
        catch (BoardConnectionLostException)
        {
            return false;
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "..." : line;
    }

    private static string LastLines(string text, int count) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(count));
}
