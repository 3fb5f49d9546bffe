using System.CommandLine;
using Lab.Orchestrator.Cli;
using Lab.Orchestrator.Commands;

namespace Lab.Orchestrator;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("VfioLab: build the VFIO modules, boot the boards, run the VFIO test catalog, keep the results.")
        {
            ValidateCommand.Create(),
            BoardsCommand.Create(),
            ResultsCommand.Create(),
            SchemaCommand.Create(),
            RunCommand.Create(),
            BootCommand.Create(),
            DashboardCommand.Create(),
            CoverageCommand.Create(),
        };
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync("lab: " + error.Message);
            }

            await Console.Error.WriteLineAsync("see ./lab --help");
            return ExitCodes.BadInput;
        }

        try
        {
            var code = await parse.InvokeAsync();
            return args.Length == 0 ? ExitCodes.BadInput : code;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug or an environment the lab did not foresee: one clear line, full detail on request.
            await Console.Error.WriteLineAsync($"lab: unexpected {ex.GetType().Name}: {ex.Message}");
            if (Environment.GetEnvironmentVariable("LAB_DEBUG") == "1")
            {
                await Console.Error.WriteLineAsync(ex.ToString());
            }
            else
            {
                await Console.Error.WriteLineAsync("lab: set LAB_DEBUG=1 for the stack trace");
            }

            return ExitCodes.Infrastructure;
        }
    }
}
