namespace Lab.Orchestrator;

internal static class Program
{
    private static int Main() => 0;
}
