using System.Globalization;
using System.Text;

namespace Lab.Ktap;

/// <summary>
/// The lab's structured diagnostics inside KTAP. Plain KTAP consumers see ordinary <c>#</c> lines; the
/// orchestrator lifts these into result fields.
/// </summary>
public static class KtapConventions
{
    /// <summary>Prefix of the errno a case saw: <c># lab.errno: 22 EINVAL</c>.</summary>
    public const string ErrnoPrefix = "lab.errno: ";

    /// <summary>Prefix of a measurement: <c># lab.measure: dma.mbps=12.5 MB/s</c>.</summary>
    public const string MeasurePrefix = "lab.measure: ";

    /// <summary>Prefix of a kernel log line seen while the case ran: <c># lab.dmesg: ...</c>.</summary>
    public const string DmesgPrefix = "lab.dmesg: ";

    private static readonly char[] Space = [' '];

    /// <summary>The longest line the writer emits; longer text is cut and marked.</summary>
    public const int MaxLineLength = 4000;

    /// <summary>
    /// Makes arbitrary text safe for one KTAP line: control characters (newlines included) become
    /// <c>\xNN</c>, so board output can never forge a result line or break the stream.
    /// </summary>
    public static string Sanitize(string text)
    {
        if (text is null) { throw new ArgumentNullException(nameof(text)); }
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (sb.Length >= MaxLineLength)
            {
                sb.Append("...[cut]");
                break;
            }

            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
            {
                sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Formats a measurement's diagnostic text (without the leading <c># </c>).</summary>
    public static string FormatMeasurement(KtapMeasurement measurement)
    {
        if (measurement is null) { throw new ArgumentNullException(nameof(measurement)); }
        var value = measurement.Value.ToString("R", CultureInfo.InvariantCulture);
        var unit = string.IsNullOrEmpty(measurement.Unit) ? string.Empty : " " + measurement.Unit;
        return MeasurePrefix + Name(measurement.Name) + "=" + value + unit;
    }

    /// <summary>Parses a measurement's diagnostic text; null when it is not one.</summary>
    public static KtapMeasurement? ParseMeasurement(string diagnostic)
    {
        if (diagnostic is null) { throw new ArgumentNullException(nameof(diagnostic)); }
        if (!diagnostic.StartsWith(MeasurePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var body = diagnostic.Substring(MeasurePrefix.Length);
        var eq = body.IndexOf('=');
        if (eq <= 0)
        {
            return null;
        }

        var rest = body.Substring(eq + 1);
        var space = rest.IndexOf(' ');
        var number = space < 0 ? rest : rest.Substring(0, space);
        var unit = space < 0 ? string.Empty : rest.Substring(space + 1).Trim();
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? new KtapMeasurement(body.Substring(0, eq), value, unit)
            : null;
    }

    /// <summary>Parses <c>lab.errno: 22 EINVAL</c>; false when the text is not an errno line.</summary>
    public static bool TryParseErrno(string diagnostic, out int errno, out string name)
    {
        if (diagnostic is null) { throw new ArgumentNullException(nameof(diagnostic)); }
        errno = 0;
        name = string.Empty;
        if (!diagnostic.StartsWith(ErrnoPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = diagnostic.Substring(ErrnoPrefix.Length).Split(Space, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out errno))
        {
            return false;
        }

        name = parts.Length > 1 ? parts[1] : string.Empty;
        return true;
    }

    private static string Name(string name) => Sanitize(name).Replace(' ', '_').Replace('=', '_');
}
