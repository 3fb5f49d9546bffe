namespace Lab.Orchestrator.Ssh;

/// <summary>A caller's token linked with a deadline on an injected clock.</summary>
internal static class TimeoutSource
{
    /// <summary>
    /// A source cancelled when <paramref name="ct"/> is, or when <paramref name="timeout"/> has passed on
    /// <paramref name="time"/>. <see cref="Timeout.InfiniteTimeSpan"/> means no deadline.
    /// </summary>
    public static CancellationTokenSource Create(TimeProvider time, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(time);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            // CancelAfter would use the system clock; a timer from the injected provider keeps tests deterministic.
            var timer = time.CreateTimer(static s => ((CancellationTokenSource)s!).Cancel(), linked, timeout, Timeout.InfiniteTimeSpan);
            linked.Token.Register(static t => ((ITimer)t!).Dispose(), timer);
        }

        return linked;
    }
}
