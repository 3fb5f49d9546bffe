using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>
/// What the board watch tells a running agent invocation: kernel problem lines seen on the console (to fail the case
/// they happened in), and a stop with a cause when the board cannot go on (a panic: FAIL; a frozen or dead board: ERROR).
/// </summary>
public sealed class CaseWatch : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(KernelProblem Problem, string Line)> _problems = [];
    private readonly Lock _gate = new();

    /// <summary>Why the board is known dead (its emulator exited), asked when the link drops; null when unknown.</summary>
    public Func<string?>? BoardDeath { get; init; }

    /// <summary>Cancelled when the board cannot go on.</summary>
    public CancellationToken Stopped => _stop.Token;

    /// <summary>Why it stopped; null while it did not.</summary>
    public string? StopReason { get; private set; }

    /// <summary>The status of the case that was running when it stopped.</summary>
    public TestStatus StopStatus { get; private set; } = TestStatus.Error;

    /// <summary>When it stopped (timestamp of the watch's clock).</summary>
    public long StoppedAt { get; private set; }

    /// <summary>Records a non-fatal problem line for the running case.</summary>
    public void Saw(KernelProblem problem, string line)
    {
        lock (_gate)
        {
            _problems.Add((problem, line));
        }
    }

    /// <summary>The problem lines seen since the last call (they belong to the case whose result comes next).</summary>
    public IReadOnlyList<(KernelProblem Problem, string Line)> TakeProblems()
    {
        lock (_gate)
        {
            var taken = _problems.ToList();
            _problems.Clear();
            return taken;
        }
    }

    /// <summary>Stops the running invocation: <paramref name="status"/> for the case it interrupts, <paramref name="reason"/> for all.</summary>
    public void Stop(TestStatus status, string reason, long at)
    {
        lock (_gate)
        {
            if (StopReason is not null)
            {
                return;
            }

            StopReason = reason;
            StopStatus = status;
            StoppedAt = at;
        }

        _stop.Cancel();
    }

    /// <inheritdoc />
    public void Dispose() => _stop.Dispose();
}
