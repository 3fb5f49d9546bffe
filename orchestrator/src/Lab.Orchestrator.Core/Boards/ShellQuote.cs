namespace Lab.Orchestrator.Core.Boards;

/// <summary>
/// POSIX shell quoting for command lines sent to a board: every argument becomes one single-quoted word, so
/// no value (a path, a module parameter, a selector) is ever interpreted by the board's shell.
/// </summary>
public static class ShellQuote
{
    /// <summary>Quotes one argument: <c>it's</c> becomes <c>'it'\''s'</c>; the empty string becomes <c>''</c>.</summary>
    public static string Quote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        return "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>Quotes each argument and joins them with spaces: a command line for <c>sh -c</c>.</summary>
    public static string Join(params IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return string.Join(' ', arguments.Select(Quote));
    }
}
