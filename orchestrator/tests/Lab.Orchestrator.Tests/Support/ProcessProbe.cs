namespace Lab.Orchestrator.Tests.Support;

/// <summary>Whether a pid still runs. A zombie does not: in a container whose PID 1 does not reap, a killed QEMU stays one.</summary>
internal static class ProcessProbe
{
    public static bool IsRunning(int pid) => Lab.Orchestrator.Boards.ProcessState.Running(pid);

    /// <summary>Live QEMUs whose command line contains every one of <paramref name="parts"/> (QEMU removes its pidfile when it exits).</summary>
    public static List<int> Qemus(params string[] parts) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => (Pid: int.TryParse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture, out var pid) ? pid : 0, Dir: d))
            .Where(x => x.Pid > 0 && IsRunning(x.Pid))
            .Where(x =>
            {
                try
                {
                    var cmd = File.ReadAllText(Path.Combine(x.Dir, "cmdline"));
                    return cmd.Contains("qemu-system", StringComparison.Ordinal) && parts.All(p => cmd.Contains(p, StringComparison.Ordinal));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return false;
                }
            })
            .Select(x => x.Pid).ToList();
}
