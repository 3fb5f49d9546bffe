using System.Globalization;
using System.Text;

namespace Lab.Agent;

/// <summary>
/// The agent's JSON output (<c>probe</c>), indented, written by hand: on net48, System.Text.Json and the five
/// assemblies it pulls in were 60% of the bytes an armv7 board is sent, for this one command. Names and strings are
/// escaped as RFC 8259 asks (quote, backslash, control characters); everything else is written as is (UTF-8 out).
/// </summary>
internal sealed class JsonText
{
    private readonly StringBuilder _out = new();
    private readonly Stack<bool> _first = new();

    /// <summary>Starts an object: a value in an array, the top-level value, or a property when <paramref name="name"/> is given.</summary>
    public void WriteStartObject(string? name = null) => Open(name, '{');

    /// <summary>Ends the innermost object.</summary>
    public void WriteEndObject() => Close('}');

    /// <summary>Starts an array property.</summary>
    public void WriteStartArray(string name) => Open(name, '[');

    /// <summary>Ends the innermost array.</summary>
    public void WriteEndArray() => Close(']');

    /// <summary>A string property; null is written as JSON null.</summary>
    public void WriteString(string name, string? value) => Property(name, value is null ? "null" : Quote(value));

    /// <summary>An integer property.</summary>
    public void WriteNumber(string name, long value) => Property(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>An unsigned integer property (sizes and offsets up to 2^64-1).</summary>
    public void WriteNumber(string name, ulong value) => Property(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A boolean property.</summary>
    public void WriteBoolean(string name, bool value) => Property(name, value ? "true" : "false");

    /// <summary>The text written so far; complete once every object and array is closed.</summary>
    public override string ToString() => _out.ToString();

    /// <summary><paramref name="value"/> as a JSON string literal, quotes included.</summary>
    public static string Quote(string value)
    {
        if (value is null) { throw new ArgumentNullException(nameof(value)); }
        var s = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => s.Append("\\\""),
                '\\' => s.Append("\\\\"),
                '\n' => s.Append("\\n"),
                '\r' => s.Append("\\r"),
                '\t' => s.Append("\\t"),
                < ' ' or '\u007f' or '\u2028' or '\u2029' => s.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => s.Append(c),
            };
        }

        return s.Append('"').ToString();
    }

    private void Open(string? name, char bracket)
    {
        Next(name);
        _out.Append(bracket);
        _first.Push(true);
    }

    private void Close(char bracket)
    {
        if (_first.Count == 0) { throw new InvalidOperationException($"'{bracket}' without an open object or array"); }
        var empty = _first.Pop();
        if (!empty)
        {
            NewLine();
        }

        _out.Append(bracket);
    }

    private void Property(string name, string literal)
    {
        if (_first.Count == 0) { throw new InvalidOperationException($"property '{name}' outside an object"); }
        Next(name);
        _out.Append(literal);
    }

    // Comma and indentation before the next value, and its name when it is a property.
    private void Next(string? name)
    {
        if (_first.Count > 0)
        {
            if (!_first.Pop()) { _out.Append(','); }
            _first.Push(false);
            NewLine();
        }

        if (name is not null)
        {
            _out.Append(Quote(name)).Append(": ");
        }
    }

    private void NewLine() => _out.Append('\n').Append(' ', 2 * _first.Count);
}
