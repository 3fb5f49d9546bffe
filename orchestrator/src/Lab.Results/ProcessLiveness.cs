using System.Diagnostics;
using Lab.Orchestrator.Core.Results;

namespace Lab.Results;

/// <summary>Tells whether a run's owner process is still the one that started the run.</summary>
public static class ProcessLiveness
{
    /// <summary>
    /// True when <paramref name="owner"/> is alive. A run owned by another host is taken as alive: this host
    /// cannot see it, and marking it would be a guess. A PID reused by another process is not the owner.
    /// </summary>
    public static bool IsAlive(RunOwner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (!string.Equals(owner.Host, Environment.MachineName, StringComparison.Ordinal))
        {
            return true;
        }

        try
        {
            using var p = Process.GetProcessById(owner.Pid);
            var started = new DateTimeOffset(p.StartTime.ToUniversalTime());
            return !p.HasExited && (started - owner.ProcessStartedAt).Duration() < TimeSpan.FromSeconds(2);
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false; // exited while we looked
        }
    }
}
