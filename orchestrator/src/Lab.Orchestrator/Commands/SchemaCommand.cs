using System.CommandLine;
using Lab.Orchestrator.Cli;
using Lab.Orchestrator.Core.Config;

namespace Lab.Orchestrator.Commands;

/// <summary><c>lab schema [--write FILE]</c>: the JSON Schema generated from the lab.json model.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var write = new Option<string?>("--write") { Description = "Write the schema to this file instead of stdout" };
        var command = new Command("schema", "Print the JSON Schema of lab.json (generated from the model)") { write };
        command.SetAction(parse =>
        {
            var text = LabJson.SchemaText();
            if (parse.GetValue(write) is { } path)
            {
                File.WriteAllText(path, text);
                Console.Error.WriteLine($"wrote {Path.GetFullPath(path)}");
            }
            else
            {
                Console.Write(text);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
