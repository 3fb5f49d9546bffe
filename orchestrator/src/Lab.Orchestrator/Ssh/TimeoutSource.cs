namespace Lab.Orchestrator.Ssh;

/// <summary>A caller's token linked with a deadline on an injected clock.</summary>
internal static class TimeoutSource
{
    /// <summary>
    /// A deadline cancelled when <paramref name="ct"/> is, or when <paramref name="timeout"/> has passed on
    /// <paramref name="time"/>. <see cref="Timeout.InfiniteTimeSpan"/> means no deadline.
    /// </summary>
    public static Deadline Create(TimeProvider time, TimeSpan timeout, CancellationToken ct) => new(time, timeout, ct);
}
