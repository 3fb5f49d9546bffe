using Lab.Vfio.Interop;

namespace Lab.Agent;

/// <summary>The program deployed to boards: runs catalog cases and prints KTAP on stdout.</summary>
internal static class Program
{
    private static int Main(string[] args) => Cli.Run(args, Console.Out, Console.Error, LinuxVfioSyscalls.Instance);
}
