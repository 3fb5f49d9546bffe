using System.Diagnostics;

namespace Lab.TestCases.Timing;

/// <summary>
/// Times iterations into a buffer allocated up front: <see cref="Start"/> and <see cref="Stop"/> read the monotonic
/// clock and store a long, nothing else, so the loop being timed allocates nothing and makes no extra syscalls
/// (the clock is the vDSO's).
/// </summary>
public sealed class SampleClock
{
    private static readonly double s_usPerTick = 1e6 / Stopwatch.Frequency;
    private readonly long[] _ticks;
    private long _started;

    /// <summary>Room for <paramref name="capacity"/> samples.</summary>
    public SampleClock(int capacity) => _ticks = new long[capacity];

    /// <summary>Samples stored so far.</summary>
    public int Count { get; private set; }

    /// <summary>Starts one sample.</summary>
    public void Start() => _started = Stopwatch.GetTimestamp();

    /// <summary>Ends the sample started last and keeps it (beyond the capacity it is dropped).</summary>
    public void Stop()
    {
        var now = Stopwatch.GetTimestamp();
        if (Count < _ticks.Length) { _ticks[Count++] = now - _started; }
    }

    /// <summary>Forgets the samples (after a warm-up).</summary>
    public void Clear() => Count = 0;

    /// <summary>The samples in microseconds.</summary>
    public Distribution Summarize()
    {
        var us = new double[Count];
        for (var i = 0; i < Count; i++) { us[i] = _ticks[i] * s_usPerTick; }
        return new Distribution(us);
    }
}
