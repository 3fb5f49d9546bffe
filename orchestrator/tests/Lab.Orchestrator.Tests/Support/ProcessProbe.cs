namespace Lab.Orchestrator.Tests.Support;

/// <summary>Whether a pid still runs. A zombie does not: in a container whose PID 1 does not reap, a killed QEMU stays one.</summary>
internal static class ProcessProbe
{
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
    }
}
