namespace Lab.Orchestrator.Cli;

/// <summary>
/// A plain, aligned text table. Unlike a terminal widget it never wraps cells, so output stays one row per
/// line in pipes and logs. Cells are made printable first: board text can carry control characters.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [headers];

    public TextTable Add(params string[] cells)
    {
        _rows.Add(cells.Select(Printable).ToArray());
        return this;
    }

    public void Write(TextWriter output)
    {
        var widths = new int[_rows[0].Length];
        foreach (var row in _rows)
        {
            for (var i = 0; i < widths.Length && i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        for (var r = 0; r < _rows.Count; r++)
        {
            var row = _rows[r];
            output.WriteLine(string.Join("  ", row.Select((c, i) => i == row.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
            if (r == 0)
            {
                output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
    }

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? '?' : c));
}
