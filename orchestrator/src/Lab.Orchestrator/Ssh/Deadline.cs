namespace Lab.Orchestrator.Ssh;

/// <summary>
/// A linked cancellation source whose timeout runs on a <see cref="TimeProvider"/> (CancelAfter would use the
/// system clock). Disposing it disposes the timer too, so a deadline never fires after its owner is gone.
/// </summary>
internal sealed class Deadline : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;

    public Deadline(TimeProvider time, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(time);
        _timeout = timeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(timeout, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _timeout.Token);
    }

    /// <summary>Cancelled by the caller's token or the deadline.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>True once either fired.</summary>
    public bool IsCancellationRequested => _linked.IsCancellationRequested;

    /// <summary>True when the deadline (not the caller) fired.</summary>
    public bool TimedOut => _timeout.IsCancellationRequested;

    /// <summary>Cancels now, as if the deadline had passed for the caller.</summary>
    public Task CancelAsync() => _linked.CancelAsync();

    /// <inheritdoc />
    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
