using System.Globalization;
using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>
/// Watches a board while its cases run, so a broken board ends the running case within seconds instead of at the
/// case timeout: the console for kernel problems (a panic stops the case as FAIL; an oops, BUG, KASAN or WARNING is
/// handed to the case it happened in), the board's own controls for a dead or frozen emulator (ERROR), and an SSH
/// probe: a board whose probe gets no answer while its console stays silent has stopped answering (ERROR).
/// </summary>
public sealed class BoardWatch(IBoard board, IBoardCommands link, TimeProvider time)
{
    /// <summary>How often the console is read.</summary>
    public static TimeSpan ConsolePoll { get; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often the board's liveness is asked.</summary>
    public static TimeSpan ProbeEvery { get; } = TimeSpan.FromSeconds(4);

    /// <summary>How long an SSH probe may take before the board counts as not answering.</summary>
    public static TimeSpan ProbeTimeout { get; } = TimeSpan.FromSeconds(10);

    private readonly IBoard _board = board;
    private readonly IBoardCommands _link = link;
    private readonly TimeProvider _time = time;

    /// <summary>Watches until <paramref name="ct"/> ends (the invocation is over) or it stops <paramref name="watch"/>.</summary>
    public async Task RunAsync(CaseWatch watch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(watch);
        var console = new ConsoleWatch(_board.Console.LogPath, _board.Console.Length);
        var nextProbe = _time.GetTimestamp();
        Task<string?>? probe = null;
        try
        {
            while (!ct.IsCancellationRequested && watch.StopReason is null)
            {
                var now = _time.GetTimestamp();
                foreach (var line in console.ReadNew(now))
                {
                    if (KernelProblems.Find(line) is not { } problem)
                    {
                        continue;
                    }

                    if (problem.Fatal)
                    {
                        watch.Stop(TestStatus.Fail, $"kernel {problem.Name} during the case: {Short(line)}", now);
                        return;
                    }

                    watch.Saw(problem, Short(line));
                }

                if (_board.Death is { } death)
                {
                    // Cheap, so asked at every console poll: an emulator that exited or was stopped ends the case now.
                    watch.Stop(TestStatus.Error, "board stopped: " + death, _time.GetTimestamp());
                    return;
                }

                if (probe is { IsCompleted: true })
                {
                    var answer = await probe.ConfigureAwait(false);
                    probe = null;
                    if (answer is not null)
                    {
                        // Give the console its say first: a panic printed while SSH died is a FAIL, not a freeze.
                        foreach (var line in console.ReadNew(_time.GetTimestamp()))
                        {
                            if (KernelProblems.Find(line) is { Fatal: true } fatal)
                            {
                                watch.Stop(TestStatus.Fail, $"kernel {fatal.Name} during the case: {Short(line)}", _time.GetTimestamp());
                                return;
                            }
                        }

                        watch.Stop(TestStatus.Error, answer, _time.GetTimestamp());
                        return;
                    }
                }

                if (probe is null && _time.GetElapsedTime(nextProbe) >= TimeSpan.Zero)
                {
                    probe = ProbeAsync(console, ct);
                    nextProbe = _time.GetTimestamp() + (long)(ProbeEvery.TotalSeconds * _time.TimestampFrequency);
                }

                await Task.Delay(ConsolePoll, _time, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The invocation ended: nothing more to watch.
        }
    }

    private static string Short(string line)
    {
        var t = line.Trim();
        return t.Length > 300 ? t[..300] + "..." : t;
    }

    /// <summary>Null while the board answers; otherwise why it counts as dead or frozen.</summary>
    private async Task<string?> ProbeAsync(ConsoleWatch console, CancellationToken ct)
    {
        if (await _board.CheckAliveAsync(ct).ConfigureAwait(false) is { } dead)
        {
            return "board stopped: " + dead;
        }

        var start = _time.GetTimestamp();
        try
        {
            await _link.RunAsync("true", ProbeTimeout, ct).ConfigureAwait(false);
            return null;
        }
        catch (BoardConnectionLostException e) when (!ct.IsCancellationRequested)
        {
            // The board's own controls say more than a failed probe (the emulator may have stopped during it).
            if (await _board.CheckAliveAsync(ct).ConfigureAwait(false) is { } stopped)
            {
                return "board stopped: " + stopped;
            }

            var silent = console.LastGrowth <= start;
            var seconds = ProbeTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
            return e.TimedOut && !silent
                ? null // slow but printing: a busy board, not a dead one; the case timeout still bounds it
                : e.TimedOut
                    ? $"board stopped answering: no SSH answer within {seconds} s and the console silent"
                    : "board link lost: " + e.Message;
        }
    }
}
