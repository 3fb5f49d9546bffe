using System.Globalization;
using System.Text;

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

    /// <summary>
    /// Text from outside (a bad lab.json value, a board's output) made safe for one terminal line: control
    /// characters escaped (<c>\n</c>, <c>\x1b</c>) and cut at <paramref name="max"/> characters, saying how many were left out.
    /// </summary>
    public static string Escape(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var b = new StringBuilder(Math.Min(text.Length, max) + 32);
        var i = 0;
        for (; i < text.Length && b.Length < max; i++)
        {
            var c = text[i];
            _ = c switch
            {
                '\n' => b.Append("\\n"),
                '\r' => b.Append("\\r"),
                '\t' => b.Append("\\t"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => b.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)),
                _ => b.Append(c),
            };
        }

        return i < text.Length ? b.Append(CultureInfo.InvariantCulture, $"... ({text.Length - i} more characters)").ToString() : b.ToString();
    }
}
