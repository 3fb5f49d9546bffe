using System.Globalization;
using System.Text.RegularExpressions;

namespace Lab.Orchestrator.Boards.Fvp;

/// <summary>The model's announcement of a terminal: <c>terminal_0: Listening for serial connection on port 5000</c>.</summary>
internal static partial class FvpBanner
{
    /// <summary>The terminal and port of a banner line; null for any other line.</summary>
    public static (string Terminal, int Port)? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var m = Line().Match(line);
        return m.Success && int.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? (m.Groups[1].Value, port)
            : null;
    }

    /// <summary>Placeholders in the model's parameters and arguments replaced by what the lab built.</summary>
    public static string Expand(string value, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(value, m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new InvalidDataException($"unknown placeholder {m.Value} in the fvp settings (known: {string.Join(", ", values.Keys.Select(k => "{" + k + "}"))})"));
    }

    [GeneratedRegex(@"^\s*(terminal_\d+): Listening for serial connection on port (\d+)\s*$")]
    private static partial Regex Line();

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
