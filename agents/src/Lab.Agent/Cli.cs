using Lab.Vfio.Interop;

namespace Lab.Agent;

/// <summary>Dispatches the command line to a command; all output goes through the given writers.</summary>
internal static class Cli
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IVfioSyscalls syscalls)
    {
        var options = AgentOptions.Parse(args, out var error);
        if (options is null)
        {
            stderr.Write("lab-agent: " + error + "\n" + AgentOptions.Usage);
            return ExitCodes.Usage;
        }

        return options.Command switch
        {
            "list" => ListCommand.Run(stdout),
            "run" => RunCommand.Run(options, stdout, stderr, syscalls),
            "probe" => ProbeCommand.Run(options, stdout, stderr, syscalls),
            "bench" => BenchCommand.Run(options, stdout, stderr, syscalls),
            _ => SelfcheckCommand.Run(options, stdout, stderr),
        };
    }
}
