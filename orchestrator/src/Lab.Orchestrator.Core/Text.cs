namespace Lab.Orchestrator.Core;

/// <summary>Shortening text for one-line messages, and the tail of a log file that is still being written.</summary>
public static class Text
{
    /// <summary>The first line and, for a message ending in a log tail, its last line (where scripts say why they failed).</summary>
    public static string Brief(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var brief = lines.Length <= 1 ? FirstLines(message, 1) : FirstLines(lines[0], 1) + "\n" + FirstLines(lines[^1], 1);
        return brief.Length > 600 ? brief[..600] + "..." : brief;
    }

    /// <summary>The first <paramref name="count"/> lines, at most 500 characters.</summary>
    public static string FirstLines(string text, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        var joined = string.Join('\n', text.Split('\n').Take(count)).Trim();
        return joined.Length > 500 ? joined[..500] + "..." : joined;
    }

    /// <summary>
    /// The last <paramref name="lines"/> lines of a file another process may still be writing; <paramref name="missing"/>
    /// when it cannot be read.
    /// </summary>
    public static string TailOfFile(string path, int lines, string missing = "(empty)")
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > 256 * 1024)
            {
                // A long console: the tail is in the last part; never read megabytes for 40 lines.
                stream.Seek(-256 * 1024, SeekOrigin.End);
            }

            using var reader = new StreamReader(stream);
            // The text's own last newline ends the last line; it does not start an empty one.
            return string.Join('\n', reader.ReadToEnd().TrimEnd().Split('\n').TakeLast(lines));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return missing;
        }
    }
}
