using System.Globalization;

namespace Lab.Vfio.Interop;

/// <summary>
/// A layout table as <c>agents/layout/vfio-layout.sh</c> writes it (<c>kind name value [width]</c> per line),
/// and the comparison of a runtime's layout against it.
/// </summary>
public static class LayoutTable
{
    /// <summary>Parses the table text; blank lines and <c>#</c> comments are skipped.</summary>
    public static IReadOnlyList<LayoutEntry> Parse(string text)
    {
        if (text is null) { throw new ArgumentNullException(nameof(text)); }
        var list = new List<LayoutEntry>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') { continue; }
            var parts = line.Split(' ');
            if (parts.Length < 3 || !decimal.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException("bad layout table line: " + line);
            }

            // const values are unsigned up to 2^64-1; store their bit pattern.
            list.Add(new LayoutEntry(parts[0], parts[1], value > long.MaxValue ? unchecked((long)(ulong)value) : (long)value));
        }

        return list;
    }

    /// <summary>
    /// Compares the runtime's entries (<see cref="LayoutCatalog.Entries"/>) with the C compiler's. Returns the
    /// problems, empty when the layouts agree. A field the header lacks (newer uAPI) is accepted when it lies in
    /// the struct's tail, past the header's last field; the struct's size may then exceed the C size.
    /// </summary>
    public static IReadOnlyList<string> Compare(IReadOnlyList<LayoutEntry> runtime, IReadOnlyList<LayoutEntry> compiler)
    {
        if (runtime is null) { throw new ArgumentNullException(nameof(runtime)); }
        if (compiler is null) { throw new ArgumentNullException(nameof(compiler)); }
        var c = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in compiler) { c[e.Kind + " " + e.Name] = e.Value; }
        var problems = new List<string>();
        var grown = new HashSet<string>(StringComparer.Ordinal);
        // Where each struct's C fields end: a newer field must start at or after it.
        var fieldsEnd = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in compiler.Where(e => e.Kind == "offsetof"))
        {
            var s = e.Name.Substring(0, e.Name.IndexOf('.'));
            c.TryGetValue("fieldsize " + e.Name, out var size);
            fieldsEnd[s] = Math.Max(fieldsEnd.TryGetValue(s, out var end) ? end : 0, e.Value + size);
        }

        foreach (var e in runtime.Where(e => e.Kind == "offsetof"))
        {
            var s = e.Name.Substring(0, e.Name.IndexOf('.'));
            if (!c.ContainsKey("sizeof " + s)) { problems.Add("struct " + s + " is not in the C table"); continue; }
            if (!c.TryGetValue("offsetof " + e.Name, out var off))
            {
                if (e.Value < fieldsEnd[s]) { problems.Add(e.Name + ": not in the C header and not in the struct's tail"); }
                grown.Add(s);
                continue;
            }

            if (off != e.Value) { problems.Add(Mismatch("offsetof " + e.Name, e.Value, off)); }
        }

        foreach (var e in runtime.Where(e => e.Kind is "sizeof" or "fieldsize"))
        {
            if (!c.TryGetValue(e.Kind + " " + e.Name, out var v)) { continue; }
            var ok = v == e.Value || (e.Kind == "sizeof" && grown.Contains(e.Name) && e.Value > v);
            if (!ok) { problems.Add(Mismatch(e.Kind + " " + e.Name, e.Value, v)); }
        }

        return problems;
    }

    private static string Mismatch(string what, long runtime, long compiler) =>
        what + ": runtime " + runtime.ToString(CultureInfo.InvariantCulture) + ", C " +
        compiler.ToString(CultureInfo.InvariantCulture);
}
