namespace Lab.Orchestrator.Boards;

/// <summary>A process's state letter from <c>/proc/PID/stat</c> (R, S, D, T, t, Z, X...), for emulators the lab starts.</summary>
internal static class ProcessState
{
    /// <summary>The state letter; null when there is no such process.</summary>
    public static char? Of(int pid)
    {
        try
        {
            // The command name in parentheses may hold spaces and ')': the state follows the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var at = stat.LastIndexOf(')') + 2;
            return at > 1 && at < stat.Length ? stat[at] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True while the process is stopped by a signal (SIGSTOP) or a tracer.</summary>
    public static bool Stopped(int pid) => Of(pid) is 'T' or 't';

    /// <summary>True while the process runs; a zombie does not (a killed child its parent has not reaped).</summary>
    public static bool Running(int pid) => Of(pid) is { } s && s is not ('Z' or 'X');
}
