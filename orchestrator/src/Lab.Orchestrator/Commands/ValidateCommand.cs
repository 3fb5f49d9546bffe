using System.CommandLine;
using Lab.Orchestrator.Cli;

namespace Lab.Orchestrator.Commands;

/// <summary><c>lab validate [lab.json]</c>: every problem with its JSON path; exit 2 when there is any.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var file = LabContext.LabJsonArgument();
        var command = new Command("validate", "Check lab.json and print every problem with its JSON path") { file };
        command.SetAction(parse =>
        {
            var lab = LabContext.LoadOrReport(parse.GetValue(file), Console.Error);
            if (lab is null)
            {
                return ExitCodes.BadInput;
            }

            var config = lab.Config!;
            Console.WriteLine($"{lab.Path}: ok ({config.Boards.Count} board{(config.Boards.Count == 1 ? string.Empty : "s")}, " +
                $"{config.Boards.Sum(b => b.Devices.Count)} devices under test)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
