namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>
/// A caller's token linked with a timeout on a <see cref="TimeProvider"/>; <see cref="Restart"/> re-arms the
/// timeout (the per-case watchdog restarts on every result). <see cref="Timeout.InfiniteTimeSpan"/> means no timeout.
/// Disposing it disposes the timer too, so a timeout never fires after its owner is gone.
/// </summary>
public sealed class StepTimeout : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;

    public StepTimeout(TimeProvider time, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(time);
        _timeout = timeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(timeout, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _timeout.Token);
    }

    /// <summary>Cancelled by the caller or by the timeout.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>True when the timeout (not the caller) fired.</summary>
    public bool TimedOut => _timeout.IsCancellationRequested;

    /// <summary>Cancels now, as if the caller had.</summary>
    public Task CancelAsync() => _linked.CancelAsync();

    /// <summary>Starts the timeout again from now (no effect once it fired).</summary>
    public void Restart(TimeSpan timeout)
    {
        if (!_timeout.IsCancellationRequested)
        {
            _timeout.CancelAfter(timeout);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
