namespace Lab.Ktap;

/// <summary>Parser state for one nesting level (the top, or one subtest).</summary>
internal sealed class KtapLevel(string? subtestName)
{
    /// <summary>Most lines kept for one result; hostile output must not exhaust memory.</summary>
    public const int MaxPendingLines = 2000;

    public string? SubtestName { get; } = subtestName;

    public bool SawVersion { get; set; }

    public int? Plan { get; set; }

    public int LastNumber { get; set; }

    public string? PendingSubtestName { get; set; }

    public List<string> Log { get; } = [];

    public List<string> Dmesg { get; } = [];

    public List<KtapMeasurement> Measurements { get; } = [];

    public int? Errno { get; set; }

    public string? ErrnoName { get; set; }

    public int DroppedLines { get; set; }

    /// <summary>Results of a subtest that just closed, waiting for the parent's result line to name them.</summary>
    public List<KtapResult> ClosedChildren { get; } = [];

    public void AddLog(string line)
    {
        if (Log.Count + Dmesg.Count >= MaxPendingLines)
        {
            DroppedLines++;
            return;
        }

        Log.Add(line);
    }

    public void AddDmesg(string line)
    {
        if (Log.Count + Dmesg.Count >= MaxPendingLines)
        {
            DroppedLines++;
            return;
        }

        Dmesg.Add(line);
    }

    public void ClearPending()
    {
        Log.Clear();
        Dmesg.Clear();
        Measurements.Clear();
        Errno = null;
        ErrnoName = null;
        DroppedLines = 0;
    }
}
