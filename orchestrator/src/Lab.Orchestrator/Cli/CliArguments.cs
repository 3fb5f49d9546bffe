using System.CommandLine;

namespace Lab.Orchestrator.Cli;

/// <summary>
/// What System.CommandLine lets through but the lab refuses: an unknown command word before <c>--help</c> (which
/// would print the general help and exit 0), and an unknown <c>--option</c> that would otherwise be taken as the
/// lab.json argument. Each problem names the word.
/// </summary>
internal static class CliArguments
{
    public static IReadOnlyList<string> Unknown(RootCommand root, ParseResult parse, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(args);
        List<string> problems = [];
        if (args.Count > 0 && !args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0]))
        {
            problems.Add($"unknown command '{args[0]}' (commands: {string.Join(", ", root.Subcommands.Select(c => c.Name))})");
            return problems;
        }

        var command = parse.CommandResult.Command;
        var known = command.Options.Concat(root.Options).SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var arg in args.Skip(1).TakeWhile(a => a != "--"))
        {
            var name = arg.Split('=', 2)[0];
            if (name.StartsWith("--", StringComparison.Ordinal) && !known.Contains(name))
            {
                problems.Add($"unknown option '{name}' for 'lab {command.Name}' (see ./lab {command.Name} --help)");
            }
        }

        return problems;
    }
}
