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
            BenchCommand.Create(),
            BisectCommand.Create(),
            BootCommand.Create(),
            DashboardCommand.Create(),
            ServeCommand.Create(),
            SubmitCommand.Create(),
            QueueCommand.Create(),
            CancelCommand.Create(),
            CoverageCommand.Create(),
        };

        // --verbose (anywhere) asks for the stack trace of an unexpected failure; LAB_DEBUG=1 does too.
        var verbose = args.Contains("--verbose", StringComparer.Ordinal) || Environment.GetEnvironmentVariable("LAB_DEBUG") == "1";
        args = [.. args.Where(a => a != "--verbose")];
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        var problems = parse.Errors.Select(e => e.Message).ToList();
        problems.AddRange(CliArguments.Unknown(root, parse, args));
        if (problems.Count > 0)
        {
            foreach (var problem in problems.Distinct(StringComparer.Ordinal))
            {
                await Console.Error.WriteLineAsync("lab: " + Core.Text.Escape(problem, 300));
            }

            await Console.Error.WriteLineAsync("see ./lab --help");
            return ExitCodes.BadInput;
        }

        try
        {
            // Exceptions come here (one line, exit 3), not to System.CommandLine's handler (a stack trace, exit 1).
            var code = await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            return args.Length == 0 ? ExitCodes.BadInput : code;
        }
        catch (Lab.Orchestrator.Core.Results.ResultStoreException ex)
        {
            // The store's message names the file, what was being done and the cause.
            await Console.Error.WriteLineAsync("lab: " + Core.Text.Escape(ex.Message, 500));
            if (verbose)
            {
                await Console.Error.WriteLineAsync(ex.ToString());
            }

            return ExitCodes.Infrastructure;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug or an environment the lab did not foresee: one clear line, full detail on request.
            await Console.Error.WriteLineAsync($"lab: unexpected {ex.GetType().Name}: {Core.Text.Escape(ex.Message, 500)}");
            await Console.Error.WriteLineAsync(verbose ? ex.ToString() : "lab: run again with --verbose for the stack trace");
            return ExitCodes.Infrastructure;
        }
    }
}
