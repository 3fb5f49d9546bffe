using System.Globalization;
using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Config;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>
/// The <c>cases</c> step: the first pass (every device's cases but the stress ones, the devices at once, what a fault
/// cut short run on their own afterwards), then the stress pass (every device's stress cases at once); or, for
/// <c>lab bench</c>, the <see cref="IBoardWork"/> in their place.
/// </summary>
public sealed partial class BoardPipeline
{
    /// <summary>The most the first pass waits for one device's agent to start before starting the next one's.</summary>
    private static readonly TimeSpan StartGap = TimeSpan.FromSeconds(3);

    private async Task RunCasesAsync(CancellationToken ct)
    {
        var suites = _board.Suites.Select(s => _c.Lab.Suites.TryGetValue(s, out var suite) ? suite : null).OfType<SuiteConfig>().ToList();
        var patterns = _c.Request.Cases is { } cases
            ? [cases]
            : suites.SelectMany(s => s.Cases).Distinct(StringComparer.Ordinal).ToList();
        var stressSeconds = _c.Request.StressSeconds ?? (suites.Count == 0 ? null : suites.Max(s => s.StressSeconds));
        var plans = _plans = _board.Devices.ToDictionary(d => d.Name, d => _c.Planner.Plan(_board, d, patterns), StringComparer.Ordinal);
        var runner = new DeviceCaseRun(_c.Store, _c.Progress, _c.Time, _c.RunId, _board);

        // Pass 1: everything but the stress cases, the devices at the same time where they share nothing (each has its
        // own group and agent process; devices of one group go one after another), so devices that wait on their
        // timers overlap. Results stay per device.
        var lanes = _bound.Where(b => plans[b.Device.Name].Cases.Count > 0)
            .GroupBy(b => b.Binding.GroupDevice, StringComparer.Ordinal).Select(g => g.ToList())
            .OrderByDescending(l => l.Sum(b => plans[b.Device.Name].Cases.Count)).ToList();
        if (lanes.Count > 0)
        {
            var count = lanes.Sum(l => l.Count);
            Step(BoardStep.Cases, $"running the cases of {count} device{(count == 1 ? string.Empty : "s")} at once...");
            await EnsureLinkAsync(ct).ConfigureAwait(false);
            var notStarted = _bound.ToDictionary(b => b.Device.Name, _ => new List<string>(), StringComparer.Ordinal);
            var (lostAny, stopped) = await WatchedAsync(
                async w =>
                {
                    // The lanes start one after another, each once the one before printed its first line (at most
                    // StartGap later), the longest first: a burst of agent starts and channel opens on a busy board
                    // once stalled an agent's start for 15 s.
                    var starts = lanes.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
                    var lost = await Task.WhenAll(lanes.Select((lane, n) =>
                        RunLaneAsync(runner, lane, plans, notStarted, n == 0 ? Task.CompletedTask : starts[n - 1].Task, starts[n], w, ct))).ConfigureAwait(false);
                    return lost.Any(l => l);
                },
                ct).ConfigureAwait(false);
            if (lostAny)
            {
                await RecoverAsync(stopped is null ? "the link was lost during the cases" : $"{stopped} (cases of {count} devices at once)", ct).ConfigureAwait(false);
            }

            // Devices whose agent was cut short (the board reset, the agent killed or stopped) go on one at a time from
            // the case after the one that was running, so a fault that comes again is that one device's.
            foreach (var (device, binding) in _bound.Where(b => notStarted[b.Device.Name].Count > 0))
            {
                await RunAloneAsync(runner, device, binding, new CaseSelection(notStarted[device.Name]), ct).ConfigureAwait(false);
            }
        }

        // Pass 2: the stress cases of every device at the same time (DMA and IRQs of several devices at once).
        var stressing = _bound.Where(b => plans[b.Device.Name].StressCases.Count > 0).ToList();
        if (stressing.Count == 0)
        {
            return;
        }

        var seconds = stressSeconds is { } s ? s.ToString(CultureInfo.InvariantCulture) + " s" : "the agent's default time";
        Step(BoardStep.Cases, $"stress cases on {stressing.Count} devices at once, {seconds} each...");
        await EnsureLinkAsync(ct).ConfigureAwait(false);
        CaseSelection Stress(IReadOnlyList<string> cases) => new(cases) { Area = CaseSelection.StressArea, StressSeconds = stressSeconds };
        var unstarted = stressing.ToDictionary(b => b.Device.Name, _ => new List<string>(), StringComparer.Ordinal);
        var (ends, stressStopped) = await WatchedAsync(
            w =>
            {
                // Started one after another like the first pass's lanes (each once the one before printed its first
                // line, at most StartGap later): four agent starts in one burst once made the board's SSH server drop
                // the connection. They still overlap for all of their stress time.
                var starts = stressing.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
                return Task.WhenAll(stressing.Select(async (b, n) =>
                {
                    try
                    {
                        await Task.WhenAny(n == 0 ? Task.CompletedTask : starts[n - 1].Task, Task.Delay(StartGap, _c.Time, ct)).ConfigureAwait(false);
                        return await runner.RunAsync(_link!, b.Device, b.Binding, Stress(plans[b.Device.Name].StressCases), ct, w, unstarted[b.Device.Name], starts[n])
                            .ConfigureAwait(false);
                    }
                    finally
                    {
                        starts[n].TrySetResult();
                    }
                }));
            },
            ct).ConfigureAwait(false);
        _c.Progress.Board(_board.Id, $"stress pass done ({Elapsed()})");
        if (ends.Any(e => e == CaseRunEnd.LinkLost))
        {
            await RecoverAsync(stressStopped is null ? "the link was lost during the stress pass" : $"{stressStopped} (stress pass)", ct).ConfigureAwait(false);
        }

        // Stress cases whose agent the lost link cut short before they started run again, a device at a time.
        foreach (var (device, binding) in stressing.Where(b => unstarted[b.Device.Name].Count > 0))
        {
            await RunAloneAsync(runner, device, binding, Stress(unstarted[device.Name]), ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One lane of the first pass (the devices of one group, one after another), started once the lane before it
    /// printed its first line or <see cref="StartGap"/> passed; true when the board's link was lost.
    /// </summary>
    private async Task<bool> RunLaneAsync(
        DeviceCaseRun runner, List<(DeviceConfig Device, DeviceBinding Binding)> lane, Dictionary<string, DevicePlan> plans,
        Dictionary<string, List<string>> notStarted, Task previousStarted, TaskCompletionSource started, CaseWatch watch, CancellationToken ct)
    {
        try
        {
            await Task.WhenAny(previousStarted, Task.Delay(StartGap, _c.Time, ct)).ConfigureAwait(false);
            foreach (var (device, binding) in lane)
            {
                var plan = plans[device.Name];
                var end = await runner.RunAsync(_link!, device, binding, new CaseSelection(plan.Cases), ct, watch, notStarted[device.Name], started)
                    .ConfigureAwait(false);
                started.TrySetResult();
                if (end == CaseRunEnd.LinkLost)
                {
                    // The board is gone for every lane; the devices after this one in the lane never started.
                    foreach (var (after, _) in lane.SkipWhile(b => b.Device.Name != device.Name).Skip(1))
                    {
                        notStarted[after.Name].AddRange(plans[after.Name].Cases);
                    }

                    return true;
                }

                _c.Progress.Board(_board.Id, $"{device.Name} done ({Elapsed()})");
            }

            return false;
        }
        finally
        {
            started.TrySetResult();
        }
    }

    /// <summary>Some cases of one device, on their own (after a reset cut a parallel pass short).</summary>
    private async Task RunAloneAsync(DeviceCaseRun runner, DeviceConfig device, DeviceBinding binding, CaseSelection cases, CancellationToken ct)
    {
        Step(BoardStep.Cases, $"running the {cases.Patterns.Count} remaining cases on {device.Name} ({binding.Device}) on their own...");
        await EnsureLinkAsync(ct).ConfigureAwait(false);
        var (end, stopped) = await WatchedAsync(w => runner.RunAsync(_link!, device, binding, cases, ct, w), ct).ConfigureAwait(false);
        _c.Progress.Board(_board.Id, $"{device.Name} done ({Elapsed()})");
        if (end == CaseRunEnd.LinkLost)
        {
            await RecoverAsync(stopped is null ? $"the link was lost during the cases of {device.Name}" : $"{stopped} (cases of {device.Name})", ct).ConfigureAwait(false);
        }
    }

    /// <summary>The cases step's other work (<see cref="IBoardWork"/>) under the board watch: a board that dies or freezes ends it.</summary>
    private async Task RunWorkAsync(IBoardWork work, CancellationToken ct)
    {
        Step(BoardStep.Cases, work.Describe(_board));
        var session = new BoardWorkSession(_board, _link!, _bound, _c.RunId, _agent!.Program);
        try
        {
            var (_, stopped) = await WatchedAsync(
                async w =>
                {
                    using var both = CancellationTokenSource.CreateLinkedTokenSource(ct, w.Stopped);
                    try
                    {
                        await work.RunAsync(session, both.Token).ConfigureAwait(false);
                    }
                    catch (Exception e) when (w.StopReason is not null && !ct.IsCancellationRequested && e is OperationCanceledException or BoardConnectionLostException)
                    {
                        // The watch stopped it: its reason is the step's failure, below.
                    }

                    return true;
                },
                ct).ConfigureAwait(false);
            if (stopped is not null)
            {
                throw new InvalidOperationException(stopped);
            }
        }
        finally
        {
            _c.Progress.Board(_board.Id, $"{BoardSteps.Name(BoardStep.Cases)} done ({Elapsed()})");
        }
    }
}
