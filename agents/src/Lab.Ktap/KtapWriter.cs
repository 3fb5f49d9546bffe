using System.Globalization;

namespace Lab.Ktap;

/// <summary>
/// Writes KTAP v1 (Documentation/dev-tools/ktap.rst). Every text that came from elsewhere is passed through
/// <see cref="KtapConventions.Sanitize"/>, so a line written here is always exactly one KTAP line.
/// </summary>
public sealed class KtapWriter
{
    private const string Indent = "    ";
    private static readonly string[] DirectiveWords = ["SKIP", "ERROR", "TIMEOUT", "TODO", "XFAIL"];
    private readonly TextWriter _output;
    private readonly string _prefix;

    /// <summary>Creates a writer at the top level.</summary>
    public KtapWriter(TextWriter output)
        : this(output, string.Empty)
    {
    }

    private KtapWriter(TextWriter output, string prefix)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _prefix = prefix;
    }

    /// <summary>Writes <c>KTAP version 1</c>.</summary>
    public void WriteVersion() => Line("KTAP version 1");

    /// <summary>Writes the plan <c>1..count</c>.</summary>
    public void WritePlan(int count) => Line("1.." + count.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes a diagnostic line <c># text</c>.</summary>
    public void WriteDiagnostic(string text) => Line("# " + KtapConventions.Sanitize(text ?? string.Empty));

    /// <summary>Writes the errno a case saw, as <c># lab.errno: 22 EINVAL</c>.</summary>
    public void WriteErrno(int errno, string name) =>
        WriteDiagnostic(KtapConventions.ErrnoPrefix + errno.ToString(CultureInfo.InvariantCulture) + " " + name);

    /// <summary>Writes a measurement, as <c># lab.measure: name=value unit</c>.</summary>
    public void WriteMeasurement(string name, double value, string unit) =>
        WriteDiagnostic(KtapConventions.FormatMeasurement(new KtapMeasurement(name, value, unit ?? string.Empty)));

    /// <summary>Writes a kernel log line seen while the case ran, as <c># lab.dmesg: line</c>.</summary>
    public void WriteDmesg(string line) => WriteDiagnostic(KtapConventions.DmesgPrefix + line);

    /// <summary>
    /// Writes a result line. <paramref name="directive"/> is the reason for <see cref="KtapStatus.Skip"/> and
    /// <see cref="KtapStatus.Error"/>, the failure message for <see cref="KtapStatus.Fail"/>, and a note otherwise;
    /// the parser reads it back as <see cref="KtapResult.Reason"/>.
    /// </summary>
    public void WriteResult(int number, KtapStatus status, string name, string? directive = null)
    {
        var ok = status is KtapStatus.Pass or KtapStatus.Skip ? "ok" : "not ok";
        // A test name must not contain '#': that starts the directive.
        var safeName = KtapConventions.Sanitize(name ?? string.Empty).Replace('#', '_');
        var line = ok + " " + number.ToString(CultureInfo.InvariantCulture) + " " + safeName;
        var reason = directive is null ? null : KtapConventions.Sanitize(directive);
        line += status switch
        {
            KtapStatus.Skip => " # SKIP" + (string.IsNullOrEmpty(reason) ? string.Empty : " " + reason),
            KtapStatus.Error => " # ERROR" + (string.IsNullOrEmpty(reason) ? string.Empty : " " + reason),
            _ => string.IsNullOrEmpty(reason) ? string.Empty : " # " + AsNote(reason!),
        };
        Line(line);
    }

    /// <summary>
    /// Starts a subtest: writes <c># Subtest: name</c> and returns a writer indented one level, which writes
    /// its own version line and plan. Finish with <see cref="WriteResult"/> on this (the parent) writer.
    /// </summary>
    public KtapWriter BeginSubtest(string name)
    {
        Line("# Subtest: " + KtapConventions.Sanitize(name ?? string.Empty));
        return new KtapWriter(_output, _prefix + Indent);
    }

    /// <summary>Flushes the underlying writer, so a reader streaming the output sees each result as it is made.</summary>
    public void Flush() => _output.Flush();

    // A failure message or note after '#' must not be read back as a directive ("SKIP ...", "ERROR ...").
    private static string AsNote(string text)
    {
        foreach (var word in DirectiveWords)
        {
            if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase) &&
                (text.Length == word.Length || text[word.Length] == ' '))
            {
                return "note: " + text;
            }
        }

        return text;
    }

    private void Line(string text)
    {
        _output.Write(_prefix);
        _output.Write(text);
        _output.Write('\n');
    }
}
